import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { renderHealthCheck } from './health-check';
import { ROUTE_TAG } from '../core/defaults';
import { TargetGroupModel } from '../core/model/load-balancer-model';

/**
 * The target group of one route. The L2 ApplicationTargetGroup is used so CDK targets
 * (IpTarget, InstanceTarget, auto scaling groups, ECS services) can register; every value
 * comes from the model, and every attribute is written explicitly in a fixed order.
 */
export function renderTargetGroup(scope: Construct, id: string, vpc: ec2.IVpc, tg: TargetGroupModel): elbv2.ApplicationTargetGroup {
  const group = new elbv2.ApplicationTargetGroup(scope, id, {
    vpc,
    port: tg.port,
    protocol: tg.protocol === 'HTTPS' ? elbv2.ApplicationProtocol.HTTPS : elbv2.ApplicationProtocol.HTTP,
    protocolVersion: tg.protocolVersion as elbv2.ApplicationProtocolVersion,
    targetType: tg.targetType === 'instance' ? elbv2.TargetType.INSTANCE : elbv2.TargetType.IP,
    healthCheck: renderHealthCheck(tg.healthCheck),
  });
  for (const [key, value] of targetGroupAttributes(tg)) group.setAttribute(key, value);
  Tags.of(group).add(ROUTE_TAG, tg.name);
  return group;
}

/** TargetGroupAttributes as CONTRACT.md fixes them (stickiness.enabled is always written). */
export function targetGroupAttributes(tg: TargetGroupModel): [string, string][] {
  const attrs: [string, string][] = [
    ['stickiness.enabled', tg.stickiness ? 'true' : 'false'],
    ['deregistration_delay.timeout_seconds', String(tg.deregistrationDelaySeconds)],
    ['load_balancing.algorithm.type', tg.algorithm],
  ];
  if (tg.algorithm === 'weighted_random') attrs.push(['load_balancing.algorithm.anomaly_mitigation', tg.anomalyMitigation ? 'on' : 'off']);
  attrs.push(['slow_start.duration_seconds', String(tg.slowStartSeconds)]);
  if (tg.stickiness) {
    attrs.push(['stickiness.type', tg.stickiness.type]);
    if (tg.stickiness.type === 'lb_cookie') {
      attrs.push(['stickiness.lb_cookie.duration_seconds', String(tg.stickiness.durationSeconds)]);
    } else {
      attrs.push(['stickiness.app_cookie.cookie_name', tg.stickiness.cookieName]);
      attrs.push(['stickiness.app_cookie.duration_seconds', String(tg.stickiness.durationSeconds)]);
    }
  }
  return attrs;
}
