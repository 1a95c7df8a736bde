import { IncomingHttpHeaders } from 'http';
import { ForwardActionModel, WeightedTargetGroupModel } from '../../core/model/load-balancer-model';
import { cookieValue, decodeSticky, encodeSticky } from '../targets/sticky-cookie';
import { Target } from '../targets/target';
import { TargetGroup } from '../targets/target-group';

/** AWS's cookie names: weighted-forward group stickiness, lb_cookie and app_cookie target stickiness. */
export const GROUP_COOKIE = 'AWSALBTG';
export const LB_COOKIE = 'AWSALB';
export const APP_COOKIE = 'AWSALBAPP-0';
/** AWS's cross-site twin of a stickiness cookie: `NAME` + this, with SameSite=None; Secure. */
export const CORS_SUFFIX = 'CORS';

function expires(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toUTCString();
}

/** The pair of cookies AWS sets: `NAME` and `NAMECORS` (SameSite=None; Secure). */
function cookiePair(name: string, value: string, seconds: number): string[] {
  const e = expires(seconds);
  return [`${name}=${value}; Expires=${e}; Path=/`, `${name}${CORS_SUFFIX}=${value}; Expires=${e}; Path=/; SameSite=None; Secure`];
}

/**
 * The target group of a forward: the one AWSALBTG names when group stickiness is on and it is
 * still in the action with a positive weight; else a weighted random pick.
 */
export function chooseGroupName(action: ForwardActionModel, headers: IncomingHttpHeaders): { name: string; setCookie?: string[] } {
  const groups = action.targetGroups;
  let name: string | undefined;
  if (action.stickinessSeconds !== undefined) {
    const sticky = decodeSticky(GROUP_COOKIE, cookieValue(headers.cookie, GROUP_COOKIE));
    if (sticky !== undefined && groups.some((g) => g.name === sticky && g.weight > 0)) name = sticky;
  }
  name ??= weightedGroup(groups);
  if (action.stickinessSeconds === undefined) return { name };
  return { name, setCookie: cookiePair(GROUP_COOKIE, encodeSticky(GROUP_COOKIE, name), action.stickinessSeconds) };
}

function weightedGroup(groups: readonly WeightedTargetGroupModel[]): string {
  if (groups.length === 1) return groups[0].name;
  let total = 0;
  for (const g of groups) total += g.weight;
  if (total <= 0) return groups[0].name;
  let r = Math.random() * total;
  for (const g of groups) {
    r -= g.weight;
    if (r < 0) return g.name;
  }
  return groups[groups.length - 1].name;
}

/**
 * The target for a request: the one the group's stickiness cookie names while it can take
 * requests, else the algorithm's pick. An undecodable cookie, or one naming a target that is
 * unhealthy, draining or gone, gets a new pick (and the cookie is rewritten on the response).
 */
export function chooseTarget(group: TargetGroup, headers: IncomingHttpHeaders): Target | undefined {
  const stickiness = group.model.stickiness;
  if (stickiness) {
    const name = stickiness.type === 'lb_cookie' ? LB_COOKIE : APP_COOKIE;
    const id = decodeSticky(group.name, cookieValue(headers.cookie, name));
    const target = id === undefined ? undefined : group.routableById(id);
    if (target) return target;
  }
  return group.choose();
}

/** The stickiness cookies to add to the target's response. */
export function stickyCookies(group: TargetGroup, target: Target, appSetCookie: boolean): string[] | undefined {
  const stickiness = group.model.stickiness;
  if (!stickiness) return undefined;
  const value = encodeSticky(group.name, target.id);
  if (stickiness.type === 'lb_cookie') return cookiePair(LB_COOKIE, value, stickiness.durationSeconds);
  if (!appSetCookie) return undefined;
  return [`${APP_COOKIE}=${value}; Expires=${expires(stickiness.durationSeconds)}; Path=/`];
}
