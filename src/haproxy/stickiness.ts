import { TargetGroupModel } from '../core/model/load-balancer-model';
import { APP_COOKIE, CORS_SUFFIX, GROUP_COOKIE, LB_COOKIE } from '../proxy/http/stickiness';
import { Endpoint } from '../proxy/server';
import { endpointId } from '../proxy/targets/endpoint';
import { encodeSticky } from '../proxy/targets/sticky-cookie';

/**
 * Stickiness with the node plane's cookies (names, values, attributes), so a cookie from either plane
 * routes on the other: the value names the group and target (src/proxy/targets/sticky-cookie.ts),
 * known at compile time per server, so no Lua is needed.
 */

/** The variable holding the value of the target cookie for the server that answered. */
const TARGET_VAR = 'txn.lb_sticky';
/** The variable holding the value of the group cookie for the backend that answered. */
export const GROUP_VAR = 'txn.lb_group_cookie';

/** `Set-Cookie` values: `NAME=<value>; Expires=<now + seconds>; Path=/` (and the CORS twin), as the node plane writes them. */
function setCookieLines(name: string, value: string, seconds: number, cors: boolean, condition: string): string[] {
  const expires = `Expires=%[date(${seconds}),http_date]; Path=/`;
  const lines = [`    http-response add-header Set-Cookie "${name}=${value}; ${expires}" if ${condition}`];
  if (cors) lines.push(`    http-response add-header Set-Cookie "${name}${CORS_SUFFIX}=${value}; ${expires}; SameSite=None; Secure" if ${condition}`);
  return lines;
}

/**
 * A backend's target stickiness. The request: `use-server` for the target its cookie names while the
 * target takes new requests (up, weight > 0: not draining); its fail-open twin when no target is up.
 * A cookie that names nothing usable falls through to the balancing algorithm, as the node plane.
 * The response: lb_cookie → AWSALB and AWSALBCORS on every target response; app_cookie → AWSALBAPP-0
 * when the target's response sets the application's cookie.
 */
export function targetStickinessLines(group: TargetGroupModel, backend: string, targets: readonly Endpoint[]): string[] {
  const stickiness = group.stickiness;
  if (!stickiness || targets.length === 0) return [];
  const name = stickiness.type === 'lb_cookie' ? LB_COOKIE : APP_COOKIE;
  const value = (t: Endpoint) => encodeSticky(group.name, endpointId(t));
  const lines = [`    # ${stickiness.type} stickiness: ${name}, ${stickiness.durationSeconds}s`];
  targets.forEach((_, i) => lines.push(`    acl lb_any_up srv_is_up(${backend}/t${i})`));
  targets.forEach((t, i) => {
    const named = `{ req.cook(${name}) -m str ${value(t)} }`;
    lines.push(`    use-server t${i} if ${named} { srv_weight(${backend}/t${i}) gt 0 }`);
    lines.push(`    use-server t${i}-fail-open if ${named} !lb_any_up`);
  });
  targets.forEach((t, i) => lines.push(`    http-response set-var(${TARGET_VAR}) str(${value(t)}) if { srv_name -m str t${i} t${i}-fail-open }`));
  const condition = stickiness.type === 'lb_cookie'
    ? `{ var(${TARGET_VAR}) -m found }`
    : `{ var(${TARGET_VAR}) -m found } { res.cook_cnt(${stickiness.cookieName}) gt 0 }`;
  return [...lines, ...setCookieLines(name, `%[var(${TARGET_VAR})]`, stickiness.durationSeconds, stickiness.type === 'lb_cookie', condition)];
}

/** Each backend names itself for the group cookie (read only by a forward with group stickiness). */
export function groupCookieValueLine(group: TargetGroupModel): string {
  return `    http-request set-var(${GROUP_VAR}) str(${encodeSticky(GROUP_COOKIE, group.name)})`;
}

/** A forward's group stickiness: the group its AWSALBTG names goes first (tested before the weighted pick). */
export function stickyGroupBackends(groups: ReadonlyArray<{ name: string; backend: string }>, when: string): string[] {
  return groups.map((g) => `    use_backend ${g.backend} if ${when} { req.cook(${GROUP_COOKIE}) -m str ${encodeSticky(GROUP_COOKIE, g.name)} }`);
}

/** AWSALBTG and AWSALBTGCORS on the target's response to a forward with group stickiness. */
export function groupCookieLines(seconds: number, when: string): string[] {
  return setCookieLines(GROUP_COOKIE, `%[var(${GROUP_VAR})]`, seconds, true, `${when} { var(${GROUP_VAR}) -m found }`);
}
