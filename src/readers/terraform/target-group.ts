import { AWS_ALB_TARGET_GROUP, ROUTE_TAG, TERRAFORM_TARGET_GROUP as PROVIDER } from '../../core/contract';
import { HttpProtocol } from '../../core/model/load-balancer-model';
import { readApplicationTargetGroup } from '../application-target-group-fields';
import { Field, HealthCheckFields } from '../fields';
import { isNetworkProtocol, readNetworkTargetGroup } from '../network-target-group-fields';
import { NetworkTargetGroupPart, TargetGroupPart } from '../parts';
import { ResourceMapping } from '../registry';
import { block, str } from '../values';
import { TfConfig, tfTag } from './config';

/**
 * aws_lb_target_group (aws_alb_target_group); route name from tag {@link ROUTE_TAG}. A TCP, UDP,
 * TCP_UDP or TLS group is a network load balancer's (see {@link readNetworkTargetGroup}), any
 * other an application load balancer's (see {@link readApplicationTargetGroup}); absent
 * arguments read as the provider's defaults (`TERRAFORM_TARGET_GROUP` in core/contract where they differ from AWS's).
 */
export const awsLbTargetGroupMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb_target_group', 'aws_alb_target_group'],
  read: (id, b, doc) => {
    const where = `target group ${id}`;
    const sticky = block(b.stickiness);
    const hc = block(b.health_check) ?? {};
    const arg = (key: string): Field => [doc.scalar(b[key]), key];
    const stickyArg = (key: string): Field => [sticky ? doc.scalar(sticky[key]) : undefined, `stickiness.${key}`];
    const hcArg = (key: string): Field => [doc.scalar(hc[key]), `health_check.${key}`];
    const health: HealthCheckFields = {
      protocol: hcArg('protocol'),
      path: hcArg('path'),
      port: hcArg('port'),
      interval: hcArg('interval'),
      timeout: hcArg('timeout'),
      healthyThreshold: hcArg('healthy_threshold'),
      unhealthyThreshold: hcArg('unhealthy_threshold'),
      matcher: hcArg('matcher'),
    };
    const defaultThresholds = { healthy: PROVIDER.healthyThreshold, unhealthy: PROVIDER.unhealthyThreshold };
    const name = tfTag(b.tags, ROUTE_TAG) ?? id.slice(id.indexOf('.') + 1);
    const protocol = str(doc.scalar(b.protocol), AWS_ALB_TARGET_GROUP.protocol) as HttpProtocol;
    if (isNetworkProtocol(protocol)) {
      const network: NetworkTargetGroupPart = {
        kind: 'network-target-group',
        key: id,
        group: readNetworkTargetGroup({
          where,
          name,
          protocol,
          port: arg('port'),
          targetType: arg('target_type'),
          deregistrationDelay: arg('deregistration_delay'),
          connectionTermination: arg('connection_termination'),
          preserveClientIp: arg('preserve_client_ip'),
          proxyProtocolV2: arg('proxy_protocol_v2'),
          // A stickiness block is enabled unless it says otherwise (the provider's default).
          stickinessEnabled: [sticky ? doc.scalar(sticky.enabled) ?? PROVIDER.stickinessBlockEnabled : false, 'stickiness.enabled'],
          stickinessType: stickyArg('type'),
          health,
          defaultThresholds,
        }),
      };
      return [network];
    }
    const cookieDuration = stickyArg('cookie_duration');
    const part: TargetGroupPart = {
      kind: 'target-group',
      key: id,
      group: readApplicationTargetGroup({
        where,
        name,
        protocol,
        port: arg('port'),
        protocolVersion: arg('protocol_version'),
        targetType: arg('target_type'),
        algorithm: arg('load_balancing_algorithm_type'),
        anomalyMitigation: arg('load_balancing_anomaly_mitigation'),
        slowStart: arg('slow_start'),
        deregistrationDelay: arg('deregistration_delay'),
        stickiness: {
          // No stickiness block: off; a block is enabled unless it says otherwise (the provider's default).
          enabled: sticky ? stickyArg('enabled') : [false, 'stickiness.enabled'],
          enabledByDefault: PROVIDER.stickinessBlockEnabled,
          type: stickyArg('type'),
          lbCookieDuration: cookieDuration,
          appCookieDuration: cookieDuration,
          appCookieName: stickyArg('cookie_name'),
        },
        health,
        defaultHealthProtocol: PROVIDER.healthProtocol,
        defaultThresholds,
      }),
    };
    return [part];
  },
};
