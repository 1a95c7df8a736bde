import { REFERENCE } from '../../core/model/load-balancer-model';
import { ActionSpelling, readActions, readRuleActions, ReadActionList } from '../actions';
import { parseDynamicReference, UNKNOWN_CLIENT_SECRET } from '../client-secret';
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
  jwtClaims: 'AdditionalClaims',
  clientSecret: (raw) => {
    const text = joinedText(raw);
    return text === undefined ? UNKNOWN_CLIENT_SECRET : parseDynamicReference(text);
  },
};

/** A string, or an `Fn::Join` with an empty delimiter (what a dynamic reference on a token id resolves to), its references as REFERENCE. */
function joinedText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  const join = isObject(raw) ? raw['Fn::Join'] : undefined;
  if (!Array.isArray(join) || join[0] !== '' || !Array.isArray(join[1])) return undefined;
  return join[1].map((part: unknown) => (typeof part === 'string' ? part : REFERENCE)).join('');
}

/** A CloudFormation listener's DefaultActions as its one terminal action. */
export function readCfnActions(raw: unknown, doc: CfnTemplate, where: string): ActionPart {
  return readActions(raw, doc, where, CFN_ACTIONS);
}

/** A CloudFormation listener rule's Actions: the terminal action and the sign-in before it, if any. */
export function readCfnRuleActions(raw: unknown, doc: CfnTemplate, where: string): ReadActionList {
  return readRuleActions(raw, doc, where, CFN_ACTIONS);
}
