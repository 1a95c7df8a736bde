import { LbkitConfigError } from './errors';
import { ActionPart, ForwardActionPart } from './parts';
import { bool, num, objects, SourceDocument, str } from './values';
import { AWS_ACTION } from '../core/contract';
import { RedirectActionModel, REFERENCE } from '../core/model/load-balancer-model';

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

/** The action types and the neutral names of the keys an action is read from. */
export type ActionType = 'forward' | 'redirect' | 'fixedResponse';
export type ActionKey = 'type' | 'order' | 'targetGroupArn' | 'weight' | 'enabled'
  | 'statusCode' | 'protocol' | 'host' | 'port' | 'path' | 'query' | 'contentType' | 'messageBody';

/**
 * How one engine spells actions. Most keys are the neutral name in the engine's case
 * (`statusCode` → `StatusCode` / `status_code`); `forward` names the keys that differ beyond case.
 */
export interface ActionSpelling {
  /** A neutral key name in the engine's spelling. */
  readonly key: (name: ActionKey) => string;
  /** The configuration block of an action type (`RedirectConfig` / `redirect`). */
  readonly config: (type: ActionType) => string;
  /** How a block is written: CloudFormation an object; Terraform an object or a list of one. */
  readonly block: (value: unknown) => Record<string, unknown> | undefined;
  readonly forward: {
    /** The weighted target group list in the forward block, and the group key in each entry. */
    readonly groups: string;
    readonly arn: string;
    readonly stickiness: string;
    readonly duration: string;
  };
}

/** An action list as its one terminal action, read by the engine's spelling. */
export function readActions(raw: unknown, doc: SourceDocument, where: string, spelling: ActionSpelling): ActionPart {
  return terminalAction(objects(raw).map((a, i) => ({
    type: str(doc.scalar(a[spelling.key('type')]), ''),
    order: num(doc.scalar(a[spelling.key('order')]), i, `${where} ${spelling.key('order')}`),
    read: () => readAction(a, doc, where, spelling),
  })), where);
}

function readAction(a: Record<string, unknown>, doc: SourceDocument, where: string, spelling: ActionSpelling): ActionPart {
  const { key } = spelling;
  const s = (block: Record<string, unknown>, name: ActionKey) => doc.scalar(block[key(name)]);
  switch (a[key('type')]) {
    case 'forward':
      return forwardAction(a, doc, where, spelling);
    case 'redirect': {
      const r = spelling.block(a[spelling.config('redirect')]) ?? {};
      return {
        type: 'redirect',
        statusCode: str(s(r, 'statusCode'), REFERENCE) as RedirectActionModel['statusCode'],
        protocol: str(s(r, 'protocol'), AWS_ACTION.redirect.protocol),
        host: str(s(r, 'host'), AWS_ACTION.redirect.host),
        port: str(s(r, 'port'), AWS_ACTION.redirect.port),
        path: str(s(r, 'path'), AWS_ACTION.redirect.path),
        query: str(s(r, 'query'), AWS_ACTION.redirect.query),
      };
    }
    default: {
      const f = spelling.block(a[spelling.config('fixedResponse')]) ?? {};
      const contentType = str(s(f, 'contentType'));
      const messageBody = str(s(f, 'messageBody'));
      return {
        type: 'fixed-response',
        statusCode: str(s(f, 'statusCode'), REFERENCE),
        ...(contentType !== undefined ? { contentType } : {}),
        ...(messageBody !== undefined ? { messageBody } : {}),
      };
    }
  }
}

/** A forward action: weight 1 where none is written; stickiness only when enabled with a duration. */
function forwardAction(a: Record<string, unknown>, doc: SourceDocument, where: string, spelling: ActionSpelling): ForwardActionPart {
  const { key } = spelling;
  const k = spelling.forward;
  const config = spelling.block(a[spelling.config('forward')]);
  const tuples = objects(config?.[k.groups]);
  const weight = key('weight');
  const targetGroups = tuples.length > 0
    ? tuples.map((t) => ({ group: doc.ref(t[k.arn]), weight: num(doc.scalar(t[weight]), AWS_ACTION.forwardWeight, `${where} ${weight}`) }))
    : [{ group: doc.ref(a[key('targetGroupArn')]), weight: AWS_ACTION.forwardWeight }];
  const sticky = spelling.block(config?.[k.stickiness]);
  const enabled = sticky ? bool(doc.scalar(sticky[key('enabled')]), AWS_ACTION.forwardStickiness, `${where} ${k.stickiness}.${key('enabled')}`) : AWS_ACTION.forwardStickiness;
  const duration = sticky ? num(doc.scalar(sticky[k.duration]), undefined, `${where} ${k.stickiness}.${k.duration}`) : undefined;
  return { type: 'forward', targetGroups, ...(enabled && duration !== undefined ? { stickinessSeconds: duration } : {}) };
}
