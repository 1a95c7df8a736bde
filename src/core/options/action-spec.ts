import { FixedResponseOptions, RedirectOptions, WeightedRouteTarget } from './route-action-options';

/**
 * An action as the user stated it through a `RouteAction` factory, before planning fills
 * defaults and validates it. Each variant is the factory's own options, tagged.
 */
export type ActionSpec =
  | { readonly type: 'forward'; readonly targets: WeightedRouteTarget[]; readonly stickinessSeconds?: number }
  | ({ readonly type: 'redirect' } & RedirectOptions)
  | ({ readonly type: 'fixed-response'; readonly statusCode: number } & FixedResponseOptions);
