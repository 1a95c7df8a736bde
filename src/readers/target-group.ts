import { ApplicationTargetGroupFields, readApplicationTargetGroup } from './application-target-group-fields';
import { TargetGroupBaseFields, Thresholds } from './fields';
import { LambdaTargetGroupFields, readLambdaTargetGroup } from './lambda-target-group-fields';
import { isNetworkProtocol, NetworkTargetGroupFields, readNetworkTargetGroup } from './network-target-group-fields';
import { LambdaTargetGroupPart, NetworkTargetGroupPart, TargetGroupPart } from './parts';
import { str } from './values';
import { AWS_ALB_TARGET_GROUP, AWS_LAMBDA_TARGET_GROUP, AWS_NLB_TARGET_GROUP } from '../core/contract';
import { HttpProtocol } from '../core/model/load-balancer-model';

/** A target group's settings as one engine spells them: those of both kinds, then each kind's own. */
export interface TargetGroupFields extends Omit<TargetGroupBaseFields, 'defaultThresholds'> {
  /** As written, or AWS's default (HTTP); TCP, UDP, TCP_UDP, TLS, QUIC and TCP_QUIC make a network load balancer's group. */
  readonly protocol: string;
  /** The engine's own health thresholds when absent (the Terraform provider's); AWS's per kind otherwise. */
  readonly engineThresholds?: Thresholds;
  readonly network: Omit<NetworkTargetGroupFields, keyof TargetGroupFields | 'defaultThresholds'>;
  readonly application: Omit<ApplicationTargetGroupFields, keyof TargetGroupFields | 'defaultThresholds'>;
  /** Target type `lambda`: the engine's own interval when absent (the Terraform provider's), AWS's for Lambda otherwise. */
  readonly lambda: Pick<LambdaTargetGroupFields, 'multiValueHeaders' | 'healthEnabled' | 'healthEnabledByDefault'> & { readonly engineIntervalSeconds?: number };
}

/**
 * One target group: a Lambda function's by its target type, else a network load balancer's or an
 * application load balancer's by its protocol.
 */
export function readTargetGroup(key: string, f: TargetGroupFields): NetworkTargetGroupPart | TargetGroupPart | LambdaTargetGroupPart {
  const { where, name, port, targetType, deregistrationDelay, health } = f;
  if (str(targetType[0], '') === 'lambda') {
    const aws = AWS_LAMBDA_TARGET_GROUP.health;
    const { engineIntervalSeconds, ...lambda } = f.lambda;
    return {
      kind: 'lambda-target-group',
      key,
      group: readLambdaTargetGroup({
        where,
        name,
        health,
        ...lambda,
        defaultIntervalSeconds: engineIntervalSeconds ?? aws.intervalSeconds,
        defaultThresholds: f.engineThresholds ?? { healthy: aws.healthyThreshold, unhealthy: aws.unhealthyThreshold },
      }),
    };
  }
  const common = { where, name, port, targetType, deregistrationDelay, health };
  if (isNetworkProtocol(f.protocol)) {
    const aws = AWS_NLB_TARGET_GROUP.health;
    const defaultThresholds = f.engineThresholds ?? { healthy: aws.healthyThreshold, unhealthy: aws.unhealthyThreshold };
    return { kind: 'network-target-group', key, group: readNetworkTargetGroup({ ...common, protocol: f.protocol, defaultThresholds, ...f.network }) };
  }
  const aws = AWS_ALB_TARGET_GROUP.health;
  const defaultThresholds = f.engineThresholds ?? { healthy: aws.healthyThreshold, unhealthy: aws.unhealthyThreshold };
  return {
    kind: 'target-group',
    key,
    group: readApplicationTargetGroup({ ...common, protocol: f.protocol as HttpProtocol, defaultThresholds, ...f.application }),
  };
}
