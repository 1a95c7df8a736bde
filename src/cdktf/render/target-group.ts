import { LbTargetGroupConfig } from '@cdktf/provider-aws/lib/lb-target-group';
import { ROUTE_TAG } from '../../core/defaults';
import { TargetGroupModel } from '../../core/model/load-balancer-model';

/**
 * A model target group as `aws_lb_target_group` arguments. No `name`: Terraform generates a
 * unique one, which `create_before_destroy` needs (the replacement exists before the old
 * group is deleted, so listeners keep a group to send to).
 */
export function targetGroupConfig(tg: TargetGroupModel, vpcId: string): LbTargetGroupConfig {
  const hc = tg.healthCheck;
  return {
    port: tg.port,
    protocol: tg.protocol,
    protocolVersion: tg.protocolVersion,
    targetType: tg.targetType,
    vpcId,
    loadBalancingAlgorithmType: tg.algorithm,
    ...(tg.algorithm === 'weighted_random' ? { loadBalancingAnomalyMitigation: tg.anomalyMitigation ? 'on' : 'off' } : {}),
    slowStart: tg.slowStartSeconds,
    deregistrationDelay: String(tg.deregistrationDelaySeconds),
    ...(tg.stickiness ? {
      stickiness: {
        enabled: true,
        type: tg.stickiness.type,
        cookieDuration: tg.stickiness.durationSeconds,
        ...(tg.stickiness.type === 'app_cookie' ? { cookieName: tg.stickiness.cookieName } : {}),
      },
    } : {}),
    healthCheck: {
      enabled: true,
      protocol: hc.protocol,
      path: hc.path,
      port: hc.port,
      interval: hc.intervalSeconds,
      timeout: hc.timeoutSeconds,
      healthyThreshold: hc.healthyThreshold,
      unhealthyThreshold: hc.unhealthyThreshold,
      matcher: hc.matcher,
    },
    tags: { [ROUTE_TAG]: tg.name },
    lifecycle: { createBeforeDestroy: true },
  };
}
