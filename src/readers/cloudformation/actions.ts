import { ActionSpelling, readActions } from '../actions';
import { pascalCase } from '../key-case';
import { ActionPart } from '../parts';
import { isObject } from '../values';
import { CfnTemplate } from './template';

/** How CloudFormation spells actions (AWS::ElasticLoadBalancingV2::Listener / ListenerRule): PascalCase, blocks as objects. */
const CFN_ACTIONS: ActionSpelling = {
  key: pascalCase,
  config: (type) => `${pascalCase(type)}Config`,
  block: (value) => (isObject(value) ? value : undefined),
  forward: { groups: 'TargetGroups', arn: 'TargetGroupArn', stickiness: 'TargetGroupStickinessConfig', duration: 'DurationSeconds' },
};

/** A CloudFormation action list (DefaultActions, Actions) as its one terminal action. */
export function readCfnActions(raw: unknown, doc: CfnTemplate, where: string): ActionPart {
  return readActions(raw, doc, where, CFN_ACTIONS);
}
