// GENERATED from src/cdktf/render/target-group.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { LbTargetGroupConfig, LbTargetGroupHealthCheck } from '@cdktn/provider-aws/lib/lb-target-group';
import { ROUTE_TAG } from '../../core/contract';
import { HealthCheckModel, LambdaTargetGroupModel, TargetGroupModel } from '../../core/model/load-balancer-model';
import { NlbHealthCheckModel, NlbTargetGroupModel } from '../../core/model/network-load-balancer-model';

/** The `health_check` block of either kind; path and matcher only where the model has them (NLB TCP checks do not). */
function healthCheckBlock(hc: HealthCheckModel | NlbHealthCheckModel): LbTargetGroupHealthCheck {
  return {
    enabled: true,
    protocol: hc.protocol,
    ...(hc.path !== undefined ? { path: hc.path } : {}),
    port: hc.port,
    interval: hc.intervalSeconds,
    timeout: hc.timeoutSeconds,
    healthyThreshold: hc.healthyThreshold,
    unhealthyThreshold: hc.unhealthyThreshold,
    ...(hc.matcher !== undefined ? { matcher: hc.matcher } : {}),
  };
}

/**
 * What every target group, of either kind, writes. No `name`: Terraform generates a unique
 * one, which `create_before_destroy` needs (the replacement exists before the old group is
 * deleted, so listeners keep a group to send to).
 */
function commonConfig(tg: TargetGroupModel | NlbTargetGroupModel, vpcId: string): LbTargetGroupConfig {
  return {
    port: tg.port,
    protocol: tg.protocol,
    targetType: tg.targetType,
    vpcId,
    deregistrationDelay: String(tg.deregistrationDelaySeconds),
    healthCheck: healthCheckBlock(tg.healthCheck),
    tags: { [ROUTE_TAG]: tg.name },
    lifecycle: { createBeforeDestroy: true },
  };
}

/** An ALB model target group as `aws_lb_target_group` arguments. */
export function targetGroupConfig(tg: TargetGroupModel, vpcId: string): LbTargetGroupConfig {
  return {
    ...commonConfig(tg, vpcId),
    protocolVersion: tg.protocolVersion,
    loadBalancingAlgorithmType: tg.algorithm,
    ...(tg.algorithm === 'weighted_random' ? { loadBalancingAnomalyMitigation: tg.anomalyMitigation ? 'on' : 'off' } : {}),
    slowStart: tg.slowStartSeconds,
    ...(tg.stickiness ? {
      stickiness: {
        enabled: true,
        type: tg.stickiness.type,
        cookieDuration: tg.stickiness.durationSeconds,
        ...(tg.stickiness.type === 'app_cookie' ? { cookieName: tg.stickiness.cookieName } : {}),
      },
    } : {}),
  };
}

/**
 * An NLB model target group as `aws_lb_target_group` arguments: draining with optional
 * connection termination, client IP preservation (a string in this provider), proxy protocol
 * v2, and source-IP stickiness only when the model asks for affinity.
 */
export function networkTargetGroupConfig(tg: NlbTargetGroupModel, vpcId: string): LbTargetGroupConfig {
  return {
    ...commonConfig(tg, vpcId),
    connectionTermination: tg.connectionTermination,
    preserveClientIp: String(tg.preserveClientIp),
    proxyProtocolV2: tg.proxyProtocolV2,
    ...(tg.sourceIpAffinity ? { stickiness: { enabled: true, type: 'source_ip' } } : {}),
  };
}

/**
 * A Lambda route's target group as `aws_lb_target_group` arguments: target type `lambda` and no
 * port, protocol or VPC (the function is invoked, not connected to); a `health_check` block only
 * when checks are on (no block: AWS's default for Lambda, off), and multi-value headers only when on.
 */
export function lambdaTargetGroupConfig(tg: LambdaTargetGroupModel): LbTargetGroupConfig {
  const hc = tg.healthCheck;
  return {
    targetType: 'lambda',
    ...(tg.multiValueHeaders ? { lambdaMultiValueHeadersEnabled: true } : {}),
    ...(hc ? {
      healthCheck: {
        enabled: true,
        path: hc.path,
        interval: hc.intervalSeconds,
        timeout: hc.timeoutSeconds,
        healthyThreshold: hc.healthyThreshold,
        unhealthyThreshold: hc.unhealthyThreshold,
        matcher: hc.matcher,
      },
    } : {}),
    tags: { [ROUTE_TAG]: tg.name },
    lifecycle: { createBeforeDestroy: true },
  };
}
