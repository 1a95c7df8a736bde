import { compileConditions, RequestPredicate } from './conditions';
import { RequestFacts } from './request-facts';
import { CompiledTransforms, compileTransforms } from './rule-transforms';
import { ActionModel, AuthenticateActionModel, JwtValidationModel, ListenerModel } from '../../core/model/load-balancer-model';

/** The action a request resolves to, with the rule that chose it (priority `default` for the default action). */
export interface RouteMatch {
  readonly priority: number | 'default';
  readonly action: ActionModel;
  /** The rule's sign-in action, run before `action`. */
  readonly authenticate?: AuthenticateActionModel;
  /** The rule's bearer-token check, run before `action`. */
  readonly validateJwt?: JwtValidationModel;
  /** The rule's Host and URL rewrites, applied when the action forwards. */
  readonly transforms?: CompiledTransforms;
}

/** A listener's rules compiled once: evaluated by ascending priority, the first match wins, then the default action. */
export class RouteTable {
  private readonly rules: Array<{ match: RequestPredicate; result: RouteMatch }>;
  private readonly fallback: RouteMatch;
  /** A rule of this listener signs users in: it answers the identity provider's redirect back (`/oauth2/idpresponse`). */
  public readonly signsIn: boolean;

  public constructor(listener: ListenerModel) {
    this.rules = [...listener.rules]
      .sort((a, b) => a.priority - b.priority)
      .map((r) => ({
        match: compileConditions(r.conditions),
        result: {
          priority: r.priority,
          action: r.action,
          authenticate: r.authenticate,
          validateJwt: r.validateJwt,
          transforms: compileTransforms(r.transforms),
        },
      }));
    this.fallback = { priority: 'default', action: listener.defaultAction };
    this.signsIn = listener.rules.some((r) => r.authenticate !== undefined);
  }

  public route(facts: RequestFacts): RouteMatch {
    for (const rule of this.rules) if (rule.match(facts)) return rule.result;
    return this.fallback;
  }
}
