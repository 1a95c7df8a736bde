import { LbkitValidationError } from '../errors';
import { NAME_MAX_LENGTH } from '../limits';
import { isReference } from '../model/load-balancer-model';

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** Load balancer and target group names: ≤ 32, letters, digits, hyphens, no edge hyphen, not `internal-`. */
export function checkResourceName(path: string, option: string, name: string | undefined): void {
  if (name === undefined || isReference(name)) return;
  if (name.length > NAME_MAX_LENGTH || !NAME.test(name) || name.toLowerCase().startsWith('internal-')) {
    throw new LbkitValidationError(path, option,
      `must be 1–${NAME_MAX_LENGTH} letters, digits and hyphens, not starting or ending with a hyphen nor with "internal-"`, name);
  }
}
