import { ActionSpelling, readActions } from '../actions';
import { ActionPart } from '../parts';
import { block } from '../values';
import { TfConfig } from './config';

/** How the Terraform provider spells actions (aws_lb_listener default_action, aws_lb_listener_rule action). */
const TF_ACTIONS: ActionSpelling = {
  type: 'type',
  order: 'order',
  block,
  forward: {
    config: 'forward',
    groups: 'target_group',
    arn: 'arn',
    weight: 'weight',
    single: 'target_group_arn',
    stickiness: 'stickiness',
    enabled: 'enabled',
    duration: 'duration',
    enabledLabel: 'stickiness.enabled',
    durationLabel: 'stickiness.duration',
  },
  redirect: { config: 'redirect', statusCode: 'status_code', protocol: 'protocol', host: 'host', port: 'port', path: 'path', query: 'query' },
  fixedResponse: { config: 'fixed_response', statusCode: 'status_code', contentType: 'content_type', messageBody: 'message_body' },
};

/** A Terraform `default_action` / `action` block list as its one terminal action. */
export function readTfActions(raw: unknown, doc: TfConfig, where: string): ActionPart {
  return readActions(raw, doc, where, TF_ACTIONS);
}
