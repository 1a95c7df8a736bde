import { ActionSpelling, readActions } from '../actions';
import { snakeCase } from '../key-case';
import { ActionPart } from '../parts';
import { block } from '../values';
import { TfConfig } from './config';

/** How the Terraform provider spells actions (aws_lb_listener default_action, aws_lb_listener_rule action): snake_case, blocks. */
const TF_ACTIONS: ActionSpelling = {
  key: snakeCase,
  config: snakeCase,
  block,
  forward: { groups: 'target_group', arn: 'arn', stickiness: 'stickiness', duration: 'duration' },
};

/** A Terraform `default_action` / `action` block list as its one terminal action. */
export function readTfActions(raw: unknown, doc: TfConfig, where: string): ActionPart {
  return readActions(raw, doc, where, TF_ACTIONS);
}
