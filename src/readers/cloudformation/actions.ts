import { ActionSpelling, readActions } from '../actions';
import { ActionPart } from '../parts';
import { isObject } from '../values';
import { CfnTemplate } from './template';

/** How CloudFormation spells actions (AWS::ElasticLoadBalancingV2::Listener / ListenerRule). */
const CFN_ACTIONS: ActionSpelling = {
  type: 'Type',
  order: 'Order',
  block: (value) => (isObject(value) ? value : undefined),
  forward: {
    config: 'ForwardConfig',
    groups: 'TargetGroups',
    arn: 'TargetGroupArn',
    weight: 'Weight',
    single: 'TargetGroupArn',
    stickiness: 'TargetGroupStickinessConfig',
    enabled: 'Enabled',
    duration: 'DurationSeconds',
    enabledLabel: 'TargetGroupStickinessConfig.Enabled',
    durationLabel: 'DurationSeconds',
  },
  redirect: { config: 'RedirectConfig', statusCode: 'StatusCode', protocol: 'Protocol', host: 'Host', port: 'Port', path: 'Path', query: 'Query' },
  fixedResponse: { config: 'FixedResponseConfig', statusCode: 'StatusCode', contentType: 'ContentType', messageBody: 'MessageBody' },
};

/** A CloudFormation action list (DefaultActions, Actions) as its one terminal action. */
export function readCfnActions(raw: unknown, doc: CfnTemplate, where: string): ActionPart {
  return readActions(raw, doc, where, CFN_ACTIONS);
}
