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

/**
 * How one engine spells actions: the keys of each action and its configuration blocks, how a
 * block is written (CloudFormation: an object; Terraform: an object or a list of one), and the
 * key paths errors name.
 */
export interface ActionSpelling {
  readonly type: string;
  readonly order: string;
  readonly block: (value: unknown) => Record<string, unknown> | undefined;
  readonly forward: {
    readonly config: string;
    readonly groups: string;
    readonly arn: string;
    readonly weight: string;
    readonly single: string;
    readonly stickiness: string;
    readonly enabled: string;
    readonly duration: string;
    /** Key paths named in errors. */
    readonly enabledLabel: string;
    readonly durationLabel: string;
  };
  readonly redirect: { readonly config: string; readonly statusCode: string } & Record<'protocol' | 'host' | 'port' | 'path' | 'query', string>;
  readonly fixedResponse: { readonly config: string; readonly statusCode: string; readonly contentType: string; readonly messageBody: string };
}

/** An action list as its one terminal action, read by the engine's spelling. */
export function readActions(raw: unknown, doc: SourceDocument, where: string, spelling: ActionSpelling): ActionPart {
  return terminalAction(objects(raw).map((a, i) => ({
    type: str(doc.scalar(a[spelling.type]), ''),
    order: num(doc.scalar(a[spelling.order]), i, `${where} ${spelling.order}`),
    read: () => readAction(a, doc, where, spelling),
  })), where);
}

function readAction(a: Record<string, unknown>, doc: SourceDocument, where: string, spelling: ActionSpelling): ActionPart {
  const s = (v: unknown) => doc.scalar(v);
  switch (a[spelling.type]) {
    case 'forward':
      return forwardAction(a, doc, where, spelling);
    case 'redirect': {
      const k = spelling.redirect;
      const r = spelling.block(a[k.config]) ?? {};
      return {
        type: 'redirect',
        statusCode: str(s(r[k.statusCode]), REFERENCE) as RedirectActionModel['statusCode'],
        protocol: str(s(r[k.protocol]), AWS_ACTION.redirect.protocol),
        host: str(s(r[k.host]), AWS_ACTION.redirect.host),
        port: str(s(r[k.port]), AWS_ACTION.redirect.port),
        path: str(s(r[k.path]), AWS_ACTION.redirect.path),
        query: str(s(r[k.query]), AWS_ACTION.redirect.query),
      };
    }
    default: {
      const k = spelling.fixedResponse;
      const f = spelling.block(a[k.config]) ?? {};
      const contentType = str(s(f[k.contentType]));
      const messageBody = str(s(f[k.messageBody]));
      return {
        type: 'fixed-response',
        statusCode: str(s(f[k.statusCode]), REFERENCE),
        ...(contentType !== undefined ? { contentType } : {}),
        ...(messageBody !== undefined ? { messageBody } : {}),
      };
    }
  }
}

/** A forward action: weight 1 where none is written; stickiness only when enabled with a duration. */
function forwardAction(a: Record<string, unknown>, doc: SourceDocument, where: string, spelling: ActionSpelling): ForwardActionPart {
  const k = spelling.forward;
  const config = spelling.block(a[k.config]);
  const tuples = objects(config?.[k.groups]);
  const targetGroups = tuples.length > 0
    ? tuples.map((t) => ({ group: doc.ref(t[k.arn]), weight: num(doc.scalar(t[k.weight]), AWS_ACTION.forwardWeight, `${where} ${k.weight}`) }))
    : [{ group: doc.ref(a[k.single]), weight: AWS_ACTION.forwardWeight }];
  const sticky = spelling.block(config?.[k.stickiness]);
  const enabled = sticky ? bool(doc.scalar(sticky[k.enabled]), AWS_ACTION.forwardStickiness, `${where} ${k.enabledLabel}`) : AWS_ACTION.forwardStickiness;
  const duration = sticky ? num(doc.scalar(sticky[k.duration]), undefined, `${where} ${k.durationLabel}`) : undefined;
  return { type: 'forward', targetGroups, ...(enabled && duration !== undefined ? { stickinessSeconds: duration } : {}) };
}
