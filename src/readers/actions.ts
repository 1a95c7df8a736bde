import { LbkitConfigError } from './errors';
import { ActionPart } from './parts';

/** Action types the model holds; the others (authenticate-oidc, authenticate-cognito) it does not. */
export const TERMINAL_ACTION_TYPES = ['forward', 'redirect', 'fixed-response'];

/**
 * The one terminal action of a listener's or rule's action list, given in `order` order.
 * Authentication actions cannot be run locally, so they are refused.
 */
export function terminalAction(actions: { type: string; order: number; read: () => ActionPart }[], where: string): ActionPart {
  const sorted = [...actions].sort((a, b) => a.order - b.order);
  for (const a of sorted) {
    if (!TERMINAL_ACTION_TYPES.includes(a.type)) {
      throw new LbkitConfigError(`${where}: unsupported action type ${JSON.stringify(a.type)}; lbkit reads forward, redirect and fixed-response actions`);
    }
  }
  if (sorted.length === 0) throw new LbkitConfigError(`${where}: has no action`);
  if (sorted.length > 1) {
    throw new LbkitConfigError(`${where}: has ${sorted.length} actions (${sorted.map((a) => a.type).join(', ')}); expected exactly one forward, redirect or fixed-response`);
  }
  return sorted[0].read();
}
