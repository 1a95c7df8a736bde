import { accessLogBackendLines } from './access-log';
import { strongQuote, safeName } from './quoting';
import { groupCookieValueLine, targetStickinessLines } from './stickiness';
import { TargetGroupModel } from '../core/model/load-balancer-model';
import { Endpoint } from '../proxy/server';
import { scaledMs } from '../proxy/targets/time-scale';

export const backendName = (group: string): string => `tg_${safeName(group)}`;

const BALANCE: Record<string, string> = {
  round_robin: 'roundrobin',
  least_outstanding_requests: 'leastconn',
  // One draw: a pick in proportion to the servers' (equal) weights, the node plane's weighted random.
  // HAProxy's default, random(2), would take the less loaded of two draws: not AWS's algorithm.
  weighted_random: 'random(1)',
};

/** A health-check matcher (`200`, `200,204`, `200-299`) as an anchored regex of the status codes it accepts. */
export function matcherRegex(matcher: string): string {
  const codes: number[] = [];
  for (const part of matcher.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [low, high = low] = part.split('-').map(Number);
    if (!Number.isInteger(low) || !Number.isInteger(high) || low > high) throw new Error(`health-check matcher: cannot read "${part}" in "${matcher}"`);
    for (let c = low; c <= high; c++) codes.push(c);
  }
  return `^(?:${codes.join('|')})$`;
}

export interface BackendExtras {
  /** Some forward with group stickiness includes this group. */
  readonly inStickyForward?: boolean;
  /** The config writes access-log lines. */
  readonly accessLog?: boolean;
}

/**
 * A target group as a backend: balancing, HTTP health checks with the model's path, matcher,
 * interval, timeout and thresholds (timers under the time scale, as the node plane), the mapped
 * targets; no target: HAProxy answers 503 (the awselb page). Each target also appears as a
 * backup without checks, all used together (`allbackups`) when no target is healthy: AWS's fail open.
 * A group some forward keeps clients on (`inStickyForward`) names itself for the AWSALBTG cookie;
 * with `accessLog`, it keeps what the access-log line needs of the target's exchange.
 */
export function backendSection(group: TargetGroupModel, targets: readonly Endpoint[], timeScale: number, extras: BackendExtras = {}): string[] {
  const { inStickyForward = false, accessLog = false } = extras;
  const hc = group.healthCheck;
  const lines = [
    `backend ${backendName(group.name)}`,
    `    # route "${group.name}": ${group.algorithm}, health check ${hc.protocol} ${hc.path} every ${hc.intervalSeconds}s (× 1/${timeScale})`,
    `    balance ${BALANCE[group.algorithm]}`,
    `    option httpchk GET ${hc.path}`,
    `    http-check expect rstatus ${strongQuote(matcherRegex(hc.matcher))}`,
    `    timeout check ${scaledMs(hc.timeoutSeconds, timeScale)}ms`,
    `    default-server inter ${scaledMs(hc.intervalSeconds, timeScale)}ms rise ${hc.healthyThreshold} fall ${hc.unhealthyThreshold}${slowStart(group, timeScale)}`,
    '    option allbackups',
    ...(inStickyForward ? [groupCookieValueLine(group)] : []),
    ...(accessLog ? accessLogBackendLines(group) : []),
    ...targetStickinessLines(group, backendName(group.name), targets),
  ];
  const tls = group.protocol === 'HTTPS' ? ' ssl verify none' : '';
  const checkTls = hc.protocol === 'HTTPS' ? ' check-ssl verify none' : group.protocol === 'HTTPS' ? ' no-check-ssl' : '';
  const checkPort = hc.port === 'traffic-port' ? '' : ` port ${hc.port}`;
  targets.forEach((t, i) => lines.push(`    server t${i} ${serverAddress(t)} check${checkPort}${checkTls}${tls}`));
  targets.forEach((t, i) => lines.push(`    server t${i}-fail-open ${serverAddress(t)} backup${tls}`));
  return lines;
}

/** Slow start: the weight ramps linearly over the (scaled) duration once a target comes back up. */
function slowStart(group: TargetGroupModel, timeScale: number): string {
  return group.slowStartSeconds > 0 ? ` slowstart ${scaledMs(group.slowStartSeconds, timeScale)}ms` : '';
}

/** `host:port`; an IPv6 address with HAProxy's family prefix, since its last colon is the port's. */
export function serverAddress(t: Endpoint): string {
  return t.host.includes(':') ? `ipv6@${t.host}:${t.port}` : `${t.host}:${t.port}`;
}
