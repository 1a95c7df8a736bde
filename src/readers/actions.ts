import { LbkitConfigError } from './errors';
import { Field } from './fields';
import { ActionPart, ForwardActionPart, ValueRef } from './parts';
import { bool, num, str } from './values';
import { AWS_ACTION } from '../core/contract';
import { FixedResponseActionModel, RedirectActionModel, REFERENCE } from '../core/model/load-balancer-model';

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

/** A forward action's settings as one engine spells them. */
export interface ForwardFields {
  /** The weighted target groups of a forward config; empty when the action names one group. */
  readonly weighted: { readonly group: ValueRef; readonly weight: Field }[];
  /** The one target group of a plain forward (read only when `weighted` is empty). */
  readonly single: () => ValueRef;
  /** The target-group stickiness config, when written. */
  readonly stickiness?: { readonly enabled: Field; readonly duration: Field };
}

/** A forward action: weight 1 where none is written; stickiness only when enabled with a duration. */
export function forwardAction(f: ForwardFields, where: string): ForwardActionPart {
  const targetGroups = f.weighted.length > 0
    ? f.weighted.map((t) => ({ group: t.group, weight: num(t.weight[0], AWS_ACTION.forwardWeight, `${where} ${t.weight[1]}`) }))
    : [{ group: f.single(), weight: AWS_ACTION.forwardWeight }];
  const st = f.stickiness;
  const enabled = st ? bool(st.enabled[0], AWS_ACTION.forwardStickiness, `${where} ${st.enabled[1]}`) : AWS_ACTION.forwardStickiness;
  const duration = st ? num(st.duration[0], undefined, `${where} ${st.duration[1]}`) : undefined;
  return { type: 'forward', targetGroups, ...(enabled && duration !== undefined ? { stickinessSeconds: duration } : {}) };
}

/** A redirect action (values as written); a part left out keeps the request's. */
export function redirectAction(statusCode: unknown, parts: Record<'protocol' | 'host' | 'port' | 'path' | 'query', unknown>): RedirectActionModel {
  const keep = AWS_ACTION.redirect;
  return {
    type: 'redirect',
    statusCode: str(statusCode, REFERENCE) as RedirectActionModel['statusCode'],
    protocol: str(parts.protocol, keep.protocol),
    host: str(parts.host, keep.host),
    port: str(parts.port, keep.port),
    path: str(parts.path, keep.path),
    query: str(parts.query, keep.query),
  };
}

/** A fixed-response action (values as written); content type and body only when written. */
export function fixedResponseAction(statusCode: unknown, contentTypeValue: unknown, messageBodyValue: unknown): FixedResponseActionModel {
  const contentType = str(contentTypeValue);
  const messageBody = str(messageBodyValue);
  return {
    type: 'fixed-response',
    statusCode: str(statusCode, REFERENCE),
    ...(contentType !== undefined ? { contentType } : {}),
    ...(messageBody !== undefined ? { messageBody } : {}),
  };
}
