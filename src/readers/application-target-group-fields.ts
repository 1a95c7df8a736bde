import { Field, HealthCheckFields } from './fields';
import { bool, num, str } from './values';
import {
  AlgorithmValue, HealthCheckModel, HttpProtocol, ProtocolVersionValue, StickinessModel, TargetGroupModel, TargetTypeValue,
} from '../core/model/load-balancer-model';

/**
 * An application target group's settings as one engine spells them. Both engines' readers fill
 * this and call {@link readApplicationTargetGroup}, so AWS's defaults live once.
 */
export interface ApplicationTargetGroupFields {
  readonly where: string;
  readonly name: string;
  readonly protocol: HttpProtocol;
  readonly port: Field;
  readonly protocolVersion: Field;
  readonly targetType: Field;
  readonly algorithm: Field;
  readonly anomalyMitigation: Field;
  readonly slowStart: Field;
  readonly deregistrationDelay: Field;
  readonly stickiness: {
    readonly enabled: Field;
    /** When `enabled` is absent: off in CloudFormation; on for a Terraform stickiness block (the provider's default). */
    readonly enabledByDefault: boolean;
    readonly type: Field;
    readonly lbCookieDuration: Field;
    readonly appCookieDuration: Field;
    readonly appCookieName: Field;
  };
  readonly health: HealthCheckFields;
  /** Health-check protocol when absent: AWS's is the group's protocol, the Terraform provider's HTTP. */
  readonly defaultHealthProtocol: HttpProtocol;
  /** Thresholds when absent: AWS's (healthy 5, unhealthy 2), or the Terraform provider's (3 and 3). */
  readonly defaultThresholds: { readonly healthy: number; readonly unhealthy: number };
}

/**
 * An application load balancer's target group. Absent settings read as AWS's defaults for ALB
 * target groups: port 80 (443 for HTTPS), HTTP1, target type instance, round robin without
 * anomaly mitigation, no slow start, draining 300 s, no stickiness (a day when on, LB cookie);
 * health check `/` on the traffic port every 30 s, timeout 5 s, matcher 200.
 */
export function readApplicationTargetGroup(f: ApplicationTargetGroupFields): TargetGroupModel {
  const where = f.where;
  const n = (field: Field, fallback: number) => num(field[0], fallback, `${where} ${field[1]}`);
  const protocol = f.protocol;

  const st = f.stickiness;
  let stickiness: StickinessModel | undefined;
  if (bool(st.enabled[0], st.enabledByDefault, `${where} ${st.enabled[1]}`)) {
    stickiness = str(st.type[0], 'lb_cookie') === 'app_cookie'
      ? { type: 'app_cookie', durationSeconds: n(st.appCookieDuration, 86_400), cookieName: str(st.appCookieName[0], '') }
      : { type: 'lb_cookie', durationSeconds: n(st.lbCookieDuration, 86_400) };
  }

  const h = f.health;
  const healthCheck: HealthCheckModel = {
    protocol: str(h.protocol[0], f.defaultHealthProtocol) as HttpProtocol,
    path: str(h.path[0], '/'),
    port: str(h.port[0], 'traffic-port'),
    intervalSeconds: n(h.interval, 30),
    timeoutSeconds: n(h.timeout, 5),
    healthyThreshold: n(h.healthyThreshold, f.defaultThresholds.healthy),
    unhealthyThreshold: n(h.unhealthyThreshold, f.defaultThresholds.unhealthy),
    matcher: str(h.matcher[0], '200'),
  };
  return {
    name: f.name,
    protocol,
    port: n(f.port, protocol === 'HTTPS' ? 443 : 80),
    protocolVersion: str(f.protocolVersion[0], 'HTTP1') as ProtocolVersionValue,
    targetType: str(f.targetType[0], 'instance') as TargetTypeValue,
    algorithm: str(f.algorithm[0], 'round_robin') as AlgorithmValue,
    anomalyMitigation: str(f.anomalyMitigation[0], 'off') === 'on',
    slowStartSeconds: n(f.slowStart, 0),
    deregistrationDelaySeconds: n(f.deregistrationDelay, 300),
    ...(stickiness ? { stickiness } : {}),
    healthCheck,
  };
}
