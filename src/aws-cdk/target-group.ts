import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct, IDependable } from 'constructs';
import { renderHealthCheck } from './health-check';
import { ROUTE_TAG, TARGET_GROUP_ATTRIBUTE as KEY, TargetGroupAttributeKey } from '../core/contract';
import { TargetGroupModel } from '../core/model/load-balancer-model';
import { NlbProtocol, NlbTargetGroupModel } from '../core/model/network-load-balancer-model';

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
export function targetGroupAttributes(tg: TargetGroupModel): [TargetGroupAttributeKey, string][] {
  const attrs: [TargetGroupAttributeKey, string][] = [
    [KEY.stickinessEnabled, tg.stickiness ? 'true' : 'false'],
    [KEY.deregistrationDelay, String(tg.deregistrationDelaySeconds)],
    [KEY.algorithm, tg.algorithm],
  ];
  if (tg.algorithm === 'weighted_random') attrs.push([KEY.anomalyMitigation, tg.anomalyMitigation ? 'on' : 'off']);
  attrs.push([KEY.slowStart, String(tg.slowStartSeconds)]);
  if (tg.stickiness) {
    attrs.push([KEY.stickinessType, tg.stickiness.type]);
    if (tg.stickiness.type === 'lb_cookie') {
      attrs.push([KEY.lbCookieDuration, String(tg.stickiness.durationSeconds)]);
    } else {
      attrs.push([KEY.appCookieName, tg.stickiness.cookieName]);
      attrs.push([KEY.appCookieDuration, String(tg.stickiness.durationSeconds)]);
    }
  }
  return attrs;
}

const PROTOCOLS: Record<NlbProtocol, elbv2.Protocol> = {
  TCP: elbv2.Protocol.TCP,
  UDP: elbv2.Protocol.UDP,
  TCP_UDP: elbv2.Protocol.TCP_UDP,
  TLS: elbv2.Protocol.TLS,
  // aws-cdk-lib's enum has no QUIC members yet; CloudFormation takes the protocol name as is.
  QUIC: 'QUIC' as elbv2.Protocol,
  TCP_QUIC: 'TCP_QUIC' as elbv2.Protocol,
};

/**
 * An NLB target group whose "load balancer attached" dependency is the construct holding lbkit's
 * own CfnListener: ECS services and auto scaling groups attached to it then wait for the listener,
 * so the group is associated with the load balancer before targets register (the ALB gets the
 * same through `registerListener(listener, associatingConstruct)`).
 */
class LbkitNetworkTargetGroup extends elbv2.NetworkTargetGroup {
  public associateWith(listener: elbv2.INetworkListener, listenerConstruct: IDependable): void {
    this.registerListener(listener);
    this.loadBalancerAttachedDependencies.add(listenerConstruct);
  }
}

/** What a rendered NLB target group offers the construct: the L2 group, and a way to tie it to its listener. */
export interface RenderedNetworkTargetGroup {
  readonly group: elbv2.NetworkTargetGroup;
  associateWith(listener: elbv2.INetworkListener, listenerConstruct: IDependable): void;
}

/**
 * The target group behind one NLB listener. The L2 NetworkTargetGroup is used so CDK targets
 * (IpTarget, InstanceTarget, auto scaling groups, ECS services) can register; every value comes
 * from the model, and every attribute is written explicitly in CONTRACT-NLB.md's order.
 */
export function renderNetworkTargetGroup(scope: Construct, id: string, vpc: ec2.IVpc, tg: NlbTargetGroupModel): RenderedNetworkTargetGroup {
  const group = new LbkitNetworkTargetGroup(scope, id, {
    vpc,
    port: tg.port,
    protocol: PROTOCOLS[tg.protocol],
    targetType: tg.targetType === 'instance' ? elbv2.TargetType.INSTANCE : elbv2.TargetType.IP,
    healthCheck: renderHealthCheck(tg.healthCheck),
  });
  for (const [key, value] of networkTargetGroupAttributes(tg)) group.setAttribute(key, value);
  Tags.of(group).add(ROUTE_TAG, tg.name);
  return { group, associateWith: (listener, listenerConstruct) => group.associateWith(listener, listenerConstruct) };
}

/** TargetGroupAttributes as CONTRACT-NLB.md fixes them (stickiness.type only with source-IP affinity). */
export function networkTargetGroupAttributes(tg: NlbTargetGroupModel): [TargetGroupAttributeKey, string][] {
  return [
    [KEY.deregistrationDelay, String(tg.deregistrationDelaySeconds)],
    [KEY.connectionTermination, String(tg.connectionTermination)],
    [KEY.stickinessEnabled, String(tg.sourceIpAffinity)],
    ...(tg.sourceIpAffinity ? [[KEY.stickinessType, 'source_ip'] as [TargetGroupAttributeKey, string]] : []),
    [KEY.preserveClientIp, String(tg.preserveClientIp)],
    [KEY.proxyProtocolV2, String(tg.proxyProtocolV2)],
  ];
}
