import { LbkitConfigError } from './errors';
import { Field, fieldReaders, TargetGroupBaseFields } from './fields';
import { num, str } from './values';
import { AWS_NLB_TARGET_GROUP as AWS, awsPreservesClientIp } from '../core/contract';
import { TargetTypeValue } from '../core/model/load-balancer-model';
import { NlbHealthCheckModel, NlbHealthProtocol, NlbProtocol, NlbTargetGroupModel } from '../core/model/network-load-balancer-model';

/** Target-group protocols of a network load balancer; HTTP and HTTPS groups belong to application load balancers. */
export const NETWORK_PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'TCP_UDP', 'TLS', 'QUIC', 'TCP_QUIC'];

/** True when a target group written with this protocol is a network load balancer's. */
export function isNetworkProtocol(protocol: string): boolean {
  return NETWORK_PROTOCOLS.includes(protocol);
}

/**
 * A network target group's settings as one engine spells them. Both engines' readers fill this
 * and call {@link readNetworkTargetGroup}, so AWS's defaults and checks live once.
 */
export interface NetworkTargetGroupFields extends TargetGroupBaseFields {
  readonly protocol: string;
  readonly connectionTermination: Field;
  readonly preserveClientIp: Field;
  readonly proxyProtocolV2: Field;
  readonly stickinessEnabled: Field;
  readonly stickinessType: Field;
}

/**
 * A network load balancer's target group. Absent settings read as AWS's defaults for NLB target
 * groups (`AWS_NLB_TARGET_GROUP` in core/contract; client IP preservation by {@link awsPreservesClientIp}),
 * the thresholds as the fields say.
 */
export function readNetworkTargetGroup(f: NetworkTargetGroupFields): NlbTargetGroupModel {
  const where = f.where;
  const { n, b } = fieldReaders(where);
  const protocol = f.protocol as NlbProtocol;
  const targetType = str(f.targetType[0], AWS.targetType) as TargetTypeValue;
  const port = num(f.port[0], undefined, `${where} ${f.port[1]}`);
  if (port === undefined) throw new LbkitConfigError(`${where}: a ${protocol} target group needs ${f.port[1]}`);

  let sourceIpAffinity = false;
  if (b(f.stickinessEnabled, AWS.stickiness)) {
    const type = str(f.stickinessType[0], AWS.stickinessType);
    if (type !== AWS.stickinessType) {
      throw new LbkitConfigError(`${where}: ${f.stickinessType[1]} ${JSON.stringify(type)}; a network load balancer's target group is read with source_ip stickiness only`);
    }
    sourceIpAffinity = true;
  }

  const h = f.health;
  const hcProtocol = str(h.protocol[0], AWS.health.protocol) as NlbHealthProtocol;
  if (!['TCP', 'HTTP', 'HTTPS'].includes(hcProtocol)) {
    throw new LbkitConfigError(`${where}: ${h.protocol[1]} ${JSON.stringify(hcProtocol)}; expected TCP, HTTP or HTTPS`);
  }
  const isHttp = hcProtocol !== 'TCP';
  const httpOnly = [h.path, h.matcher].find((field) => field[0] !== undefined);
  if (!isHttp && httpOnly) {
    throw new LbkitConfigError(`${where}: ${httpOnly[1]} is set on a TCP health check; AWS takes a path and a matcher on HTTP and HTTPS checks only`);
  }
  const healthCheck: NlbHealthCheckModel = {
    protocol: hcProtocol,
    ...(isHttp ? { path: str(h.path[0], AWS.health.path) } : {}),
    port: str(h.port[0], AWS.health.port),
    intervalSeconds: n(h.interval, AWS.health.intervalSeconds),
    timeoutSeconds: n(h.timeout, hcProtocol === 'HTTP' ? AWS.health.httpTimeoutSeconds : AWS.health.timeoutSeconds),
    healthyThreshold: n(h.healthyThreshold, f.defaultThresholds.healthy),
    unhealthyThreshold: n(h.unhealthyThreshold, f.defaultThresholds.unhealthy),
    ...(isHttp ? { matcher: str(h.matcher[0], AWS.health.matcher) } : {}),
  };
  return {
    name: f.name,
    protocol,
    port,
    targetType,
    deregistrationDelaySeconds: n(f.deregistrationDelay, AWS.deregistrationDelaySeconds),
    connectionTermination: b(f.connectionTermination, AWS.connectionTermination),
    sourceIpAffinity,
    preserveClientIp: b(f.preserveClientIp, awsPreservesClientIp(targetType, protocol)),
    proxyProtocolV2: b(f.proxyProtocolV2, AWS.proxyProtocolV2),
    healthCheck,
  };
}
