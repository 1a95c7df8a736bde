import { Field, fieldReaders, HealthCheckFields, Thresholds } from './fields';
import { str } from './values';
import { AWS_LAMBDA_TARGET_GROUP as AWS } from '../core/contract';
import { LambdaTargetGroupModel } from '../core/model/load-balancer-model';

/** A Lambda target group's settings as one engine spells them; both engines' readers fill this. */
export interface LambdaTargetGroupFields {
  /** The resource, for error messages. */
  readonly where: string;
  readonly name: string;
  readonly multiValueHeaders: Field;
  /** Whether health checks are on; `healthEnabledByDefault` when absent. */
  readonly healthEnabled: Field;
  /** CloudFormation: off (AWS's default for Lambda); Terraform: on when a health_check block is written, off without one. */
  readonly healthEnabledByDefault: boolean;
  readonly health: Omit<HealthCheckFields, 'protocol' | 'port'>;
  /** Interval when absent: AWS's for Lambda (35 s), or the Terraform provider's (30 s). */
  readonly defaultIntervalSeconds: number;
  readonly defaultThresholds: Thresholds;
}

/**
 * A target group of target type `lambda`. Absent settings read as AWS's defaults for Lambda groups
 * (`AWS_LAMBDA_TARGET_GROUP` in core/contract): single-value headers, health checks off, and when
 * on, AWS's Lambda timings (interval and thresholds as the fields say: the provider's differ).
 */
export function readLambdaTargetGroup(f: LambdaTargetGroupFields): LambdaTargetGroupModel {
  const { n, b } = fieldReaders(f.where);
  const h = f.health;
  const healthCheck = b(f.healthEnabled, f.healthEnabledByDefault) ? {
    path: str(h.path[0], AWS.health.path),
    intervalSeconds: n(h.interval, f.defaultIntervalSeconds),
    timeoutSeconds: n(h.timeout, AWS.health.timeoutSeconds),
    healthyThreshold: n(h.healthyThreshold, f.defaultThresholds.healthy),
    unhealthyThreshold: n(h.unhealthyThreshold, f.defaultThresholds.unhealthy),
    matcher: str(h.matcher[0], AWS.health.matcher),
  } : undefined;
  return {
    name: f.name,
    multiValueHeaders: b(f.multiValueHeaders, AWS.multiValueHeaders),
    ...(healthCheck ? { healthCheck } : {}),
  };
}
