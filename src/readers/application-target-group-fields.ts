import { Field, fieldReaders, TargetGroupBaseFields } from './fields';
import { str } from './values';
import { AWS_ALB_TARGET_GROUP as AWS } from '../core/contract';
import {
  AlgorithmValue, HealthCheckModel, HttpProtocol, ProtocolVersionValue, StickinessModel, TargetGroupModel, TargetTypeValue,
} from '../core/model/load-balancer-model';

/**
 * An application target group's settings as one engine spells them. Both engines' readers fill
 * this and call {@link readApplicationTargetGroup}, so AWS's defaults live once.
 */
export interface ApplicationTargetGroupFields extends TargetGroupBaseFields {
  readonly protocol: HttpProtocol;
  readonly protocolVersion: Field;
  readonly algorithm: Field;
  readonly anomalyMitigation: Field;
  readonly slowStart: Field;
  readonly stickiness: {
    readonly enabled: Field;
    /** When `enabled` is absent: off in CloudFormation; on for a Terraform stickiness block (the provider's default). */
    readonly enabledByDefault: boolean;
    readonly type: Field;
    readonly lbCookieDuration: Field;
    readonly appCookieDuration: Field;
    readonly appCookieName: Field;
  };
  /** Health-check protocol when absent: AWS's is the group's protocol, the Terraform provider's HTTP. */
  readonly defaultHealthProtocol: HttpProtocol;
}

/**
 * An application load balancer's target group. Absent settings read as AWS's defaults for ALB
 * target groups (`AWS_ALB_TARGET_GROUP` in core/contract), the health-check protocol and thresholds as the
 * fields say (AWS's and the Terraform provider's differ).
 */
export function readApplicationTargetGroup(f: ApplicationTargetGroupFields): TargetGroupModel {
  const { n, b } = fieldReaders(f.where);
  const protocol = f.protocol;

  const st = f.stickiness;
  let stickiness: StickinessModel | undefined;
  if (b(st.enabled, st.enabledByDefault)) {
    stickiness = str(st.type[0], AWS.stickinessType) === 'app_cookie'
      ? { type: 'app_cookie', durationSeconds: n(st.appCookieDuration, AWS.stickinessDurationSeconds), cookieName: str(st.appCookieName[0], '') }
      : { type: 'lb_cookie', durationSeconds: n(st.lbCookieDuration, AWS.stickinessDurationSeconds) };
  }

  const h = f.health;
  const healthCheck: HealthCheckModel = {
    protocol: str(h.protocol[0], f.defaultHealthProtocol) as HttpProtocol,
    path: str(h.path[0], AWS.health.path),
    port: str(h.port[0], AWS.health.port),
    intervalSeconds: n(h.interval, AWS.health.intervalSeconds),
    timeoutSeconds: n(h.timeout, AWS.health.timeoutSeconds),
    healthyThreshold: n(h.healthyThreshold, f.defaultThresholds.healthy),
    unhealthyThreshold: n(h.unhealthyThreshold, f.defaultThresholds.unhealthy),
    matcher: str(h.matcher[0], AWS.health.matcher),
  };
  return {
    name: f.name,
    protocol,
    port: n(f.port, protocol === 'HTTPS' ? AWS.httpsPort : AWS.httpPort),
    protocolVersion: str(f.protocolVersion[0], AWS.protocolVersion) as ProtocolVersionValue,
    targetType: str(f.targetType[0], AWS.targetType) as TargetTypeValue,
    algorithm: str(f.algorithm[0], AWS.algorithm) as AlgorithmValue,
    anomalyMitigation: str(f.anomalyMitigation[0], AWS.anomalyMitigation) === 'on',
    slowStartSeconds: n(f.slowStart, AWS.slowStartSeconds),
    deregistrationDelaySeconds: n(f.deregistrationDelay, AWS.deregistrationDelaySeconds),
    ...(stickiness ? { stickiness } : {}),
    healthCheck,
  };
}
