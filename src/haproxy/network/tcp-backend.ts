import { NLB_HEALTH_CHECK_MATCHER_WHEN_UNSET } from '../../core/defaults';
import { NlbTargetGroupModel } from '../../core/model/network-load-balancer-model';
import { Endpoint } from '../../proxy/server';
import { scaledMs } from '../../proxy/targets/time-scale';
import { backendName, matcherRegex, serverAddress } from '../backend';
import { strongQuote } from '../quoting';

export interface TcpBackendInput {
  readonly group: NlbTargetGroupModel;
  readonly targets: readonly Endpoint[];
  readonly timeScale: number;
  /** The idle timeout of the listener(s) forwarding to it, already scaled. */
  readonly idleMs: number;
  /** TLS to the targets (a TLS listener in front of a TLS target group); a TCP listener passes TLS bytes through. */
  readonly reencrypt: boolean;
}

/** AWS resets connections to a target that turns unhealthy only on TCP and TLS target groups (the node plane's rule). */
const TERMINATES_ON_UNHEALTHY: readonly string[] = ['TCP', 'TLS'];

/**
 * An NLB target group as a `mode tcp` backend. Balancing: `roundrobin` per connection (AWS hashes each
 * flow: both spread connections, neither keeps a client); source-IP affinity: `balance source` with
 * consistent hashing, like the node plane's rendezvous hash of the client IP (stateless, and a client
 * moves only when its own target leaves), where a stick table would pin clients to a target by memory
 * AWS does not have. Each target also appears as a backup, all used together when none is healthy (fail open).
 */
export function tcpBackendSection(input: TcpBackendInput): string[] {
  const { group, timeScale } = input;
  const hc = group.healthCheck;
  const lines = [
    `backend ${backendName(group.name)}`,
    `    # target group "${group.name}": ${group.protocol}, ${group.sourceIpAffinity ? 'source-IP affinity' : 'per connection'}, `
      + `health check ${hc.protocol}${hc.path ? ` ${hc.path}` : ''} every ${hc.intervalSeconds}s (× 1/${timeScale})`,
    '    mode tcp',
    ...(group.sourceIpAffinity ? ['    balance source', '    hash-type consistent'] : ['    balance roundrobin']),
    // The idle timeout: tunnel applies once data flows, inactive in both directions (AWS's idle flow); server covers the connect-to-first-byte.
    `    timeout server ${input.idleMs}ms`,
    `    timeout tunnel ${input.idleMs}ms`,
  ];
  if (hc.protocol !== 'TCP') {
    lines.push(`    option httpchk GET ${hc.path ?? '/'}`);
    lines.push(`    http-check expect rstatus ${strongQuote(matcherRegex(hc.matcher ?? NLB_HEALTH_CHECK_MATCHER_WHEN_UNSET))}`);
  }
  const terminate = TERMINATES_ON_UNHEALTHY.includes(group.protocol) ? ' on-marked-down shutdown-sessions' : '';
  lines.push(
    `    timeout check ${scaledMs(hc.timeoutSeconds, timeScale)}ms`,
    `    default-server inter ${scaledMs(hc.intervalSeconds, timeScale)}ms rise ${hc.healthyThreshold} fall ${hc.unhealthyThreshold}${terminate}`,
    '    option allbackups',
  );
  const tls = input.reencrypt ? ' ssl verify none' : '';
  // A check is TLS only when it is HTTPS; a TCP check is a connect, an HTTP one plaintext, whatever the traffic.
  const checkTls = hc.protocol === 'HTTPS' ? ' check-ssl verify none' : input.reencrypt ? ' no-check-ssl' : '';
  const checkPort = hc.port === 'traffic-port' ? '' : ` port ${hc.port}`;
  // With proxy protocol the checks send a LOCAL header too (AWS does; HAProxy omits it on a check port unless asked).
  const proxy = group.proxyProtocolV2 ? ' send-proxy-v2' : '';
  const checkProxy = group.proxyProtocolV2 ? ' check-send-proxy' : '';
  input.targets.forEach((t, i) => lines.push(`    server t${i} ${serverAddress(t)} check${checkPort}${checkTls}${checkProxy}${proxy}${tls}`));
  input.targets.forEach((t, i) => lines.push(`    server t${i}-fail-open ${serverAddress(t)} backup${proxy}${tls}`));
  return lines;
}
