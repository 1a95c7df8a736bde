import { LbkitConfigError } from './errors';
import { readJwtValidation } from './jwt-validation';
import { ActionPart, ForwardActionPart } from './parts';
import { bool, isObject, num, objects, SourceDocument, str } from './values';
import { AWS_ACTION, AWS_AUTHENTICATE } from '../core/contract';
import {
  AuthenticateActionModel, AuthenticateCommonModel, ClientSecretModel, compareText, JwtValidationModel, OnUnauthenticatedRequestValue,
  RedirectActionModel, REFERENCE,
} from '../core/model/load-balancer-model';

/** The action types that end an action list (exactly one, last). */
export const TERMINAL_ACTION_TYPES = ['forward', 'redirect', 'fixed-response'];
/** Sign-in actions, which a listener rule may run before its terminal action. */
export const AUTHENTICATE_ACTION_TYPES = ['authenticate-oidc', 'authenticate-cognito'];
/** The token check (hashicorp/aws 6.x or CloudFormation), which a listener rule may run before its terminal action instead of a sign-in. */
export const JWT_VALIDATION_ACTION_TYPE = 'jwt-validation';
/** Every action a listener rule may run before its terminal one. */
const PRE_ROUTING_ACTION_TYPES = [...AUTHENTICATE_ACTION_TYPES, JWT_VALIDATION_ACTION_TYPE];

/** An action list as read: its terminal action and, on a listener rule, the sign-in before it. */
export interface ReadActionList {
  readonly action: ActionPart;
  readonly authenticate?: AuthenticateActionModel;
  /** The token check before the action, when the rule has one. */
  readonly validateJwt?: JwtValidationModel;
}

interface ActionEntry {
  readonly type: string;
  readonly order: number;
  readonly read: () => ActionPart;
  readonly readAuthenticate: () => AuthenticateActionModel;
  readonly readJwtValidation: () => JwtValidationModel;
}

/**
 * The actions of a listener's or rule's action list, in `order` order: one terminal action, last,
 * and where `allowAuthenticate` (listener rules) at most one sign-in action before it. Other
 * action types, and sign-in on a listener's default action (lbkit's model has none), are refused.
 */
function actionList(actions: ActionEntry[], where: string, allowAuthenticate: boolean): ReadActionList {
  const sorted = [...actions].sort((a, b) => a.order - b.order);
  const known = allowAuthenticate ? [...TERMINAL_ACTION_TYPES, ...PRE_ROUTING_ACTION_TYPES] : TERMINAL_ACTION_TYPES;
  for (const a of sorted) {
    if (!known.includes(a.type)) {
      const reads = allowAuthenticate ? 'authenticate-oidc, authenticate-cognito or jwt-validation, then forward, redirect or fixed-response' : 'forward, redirect and fixed-response';
      throw new LbkitConfigError(`${where}: unsupported action type ${JSON.stringify(a.type)}; lbkit reads ${reads} actions here`);
    }
  }
  if (sorted.length === 0) throw new LbkitConfigError(`${where}: has no action`);
  const expected = allowAuthenticate ? 'an optional sign-in or jwt-validation action, then exactly one forward, redirect or fixed-response' : 'exactly one forward, redirect or fixed-response';
  const last = sorted[sorted.length - 1];
  const first = sorted[0];
  const shapeOk = TERMINAL_ACTION_TYPES.includes(last.type)
    && (sorted.length === 1 || (sorted.length === 2 && PRE_ROUTING_ACTION_TYPES.includes(first.type)));
  if (!shapeOk) {
    throw new LbkitConfigError(`${where}: has ${sorted.length} actions (${sorted.map((a) => a.type).join(', ')}); expected ${expected}`);
  }
  if (sorted.length === 1) return { action: last.read() };
  return first.type === JWT_VALIDATION_ACTION_TYPE
    ? { action: last.read(), validateJwt: first.readJwtValidation() }
    : { action: last.read(), authenticate: first.readAuthenticate() };
}

/** The action types and the neutral names of the keys an action is read from. */
export type ActionType = 'forward' | 'redirect' | 'fixedResponse' | 'authenticateOidc' | 'authenticateCognito' | 'jwtValidation';
export type ActionKey = 'type' | 'order' | 'targetGroupArn' | 'weight' | 'enabled'
  | 'statusCode' | 'protocol' | 'host' | 'port' | 'path' | 'query' | 'contentType' | 'messageBody'
  | 'issuer' | 'authorizationEndpoint' | 'tokenEndpoint' | 'userInfoEndpoint' | 'clientId' | 'clientSecret'
  | 'scope' | 'sessionCookieName' | 'sessionTimeout' | 'onUnauthenticatedRequest' | 'authenticationRequestExtraParams'
  | 'userPoolArn' | 'userPoolClientId' | 'userPoolDomain' | 'jwksEndpoint' | 'format' | 'name' | 'values';

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
  /** A JWT validation's claim list (`AdditionalClaims` / `additional_claim`). */
  readonly jwtClaims: string;
  /** Where an OIDC client secret's value says it lives (a dynamic reference, a data source); unreadable: REFERENCE. */
  readonly clientSecret: (raw: unknown) => ClientSecretModel;
}

function entries(raw: unknown, doc: SourceDocument, where: string, spelling: ActionSpelling): ActionEntry[] {
  return objects(raw).map((a, i) => ({
    type: str(doc.scalar(a[spelling.key('type')]), ''),
    order: num(doc.scalar(a[spelling.key('order')]), i, `${where} ${spelling.key('order')}`),
    read: () => readAction(a, doc, where, spelling),
    readAuthenticate: () => readAuthenticate(a, doc, where, spelling),
    readJwtValidation: () => readJwtValidation(spelling.block(a[spelling.config('jwtValidation')]) ?? {}, doc, where, {
      key: spelling.key, claims: spelling.jwtClaims,
    }),
  }));
}

/** A listener's default action list as its one terminal action, read by the engine's spelling. */
export function readActions(raw: unknown, doc: SourceDocument, where: string, spelling: ActionSpelling): ActionPart {
  return actionList(entries(raw, doc, where, spelling), where, false).action;
}

/** A listener rule's action list: its terminal action and the sign-in or token check before it, if any. */
export function readRuleActions(raw: unknown, doc: SourceDocument, where: string, spelling: ActionSpelling): ReadActionList {
  return actionList(entries(raw, doc, where, spelling), where, true);
}

/** A sign-in action, AWS's defaults filled in where a setting is absent. */
function readAuthenticate(a: Record<string, unknown>, doc: SourceDocument, where: string, spelling: ActionSpelling): AuthenticateActionModel {
  const { key } = spelling;
  const oidc = a[key('type')] === 'authenticate-oidc';
  const c = spelling.block(a[spelling.config(oidc ? 'authenticateOidc' : 'authenticateCognito')]) ?? {};
  const s = (name: ActionKey) => str(doc.scalar(c[key(name)]), REFERENCE);
  const extraRaw = c[key('authenticationRequestExtraParams')];
  const extra = isObject(extraRaw)
    ? Object.entries(extraRaw).map(([name, value]) => ({ name, value: str(doc.scalar(value), '') })).sort((x, y) => compareText(x.name, y.name))
    : [];
  const common: AuthenticateCommonModel = {
    scope: str(doc.scalar(c[key('scope')]), AWS_AUTHENTICATE.scope),
    sessionCookieName: str(doc.scalar(c[key('sessionCookieName')]), AWS_AUTHENTICATE.sessionCookieName),
    sessionTimeoutSeconds: num(doc.scalar(c[key('sessionTimeout')]), AWS_AUTHENTICATE.sessionTimeoutSeconds, `${where} ${key('sessionTimeout')}`),
    onUnauthenticatedRequest: str(doc.scalar(c[key('onUnauthenticatedRequest')]), AWS_AUTHENTICATE.onUnauthenticatedRequest) as OnUnauthenticatedRequestValue,
    ...(extra.length > 0 ? { authenticationRequestExtraParams: extra } : {}),
  };
  if (!oidc) {
    return { type: 'authenticate-cognito', userPoolArn: s('userPoolArn'), userPoolClientId: s('userPoolClientId'), userPoolDomain: s('userPoolDomain'), ...common };
  }
  return {
    type: 'authenticate-oidc',
    issuer: s('issuer'),
    authorizationEndpoint: s('authorizationEndpoint'),
    tokenEndpoint: s('tokenEndpoint'),
    userInfoEndpoint: s('userInfoEndpoint'),
    clientId: s('clientId'),
    clientSecret: spelling.clientSecret(c[key('clientSecret')]),
    ...common,
  };
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
