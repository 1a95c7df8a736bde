import { AWS_ALB_TARGET_GROUP, ROUTE_TAG, TERRAFORM_TARGET_GROUP as PROVIDER } from '../../core/contract';
import { Field } from '../fields';
import { ResourceMapping } from '../registry';
import { readTargetGroup } from '../target-group';
import { block, str } from '../values';
import { TfConfig, tfTag } from './config';

/**
 * aws_lb_target_group (aws_alb_target_group); route name from tag {@link ROUTE_TAG}. A `lambda`
 * target type makes a Lambda function's group; otherwise a TCP, UDP,
 * TCP_UDP, TLS, QUIC or TCP_QUIC group is a network load balancer's, any other an application load balancer's
 * (see {@link readTargetGroup}); absent arguments read as the provider's defaults
 * (`TERRAFORM_TARGET_GROUP` in core/contract where they differ from AWS's).
 */
export const awsLbTargetGroupMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb_target_group', 'aws_alb_target_group'],
  read: (id, b, doc) => {
    const sticky = block(b.stickiness);
    const hc = block(b.health_check) ?? {};
    const arg = (key: string): Field => [doc.scalar(b[key]), key];
    const stickyArg = (key: string): Field => [sticky ? doc.scalar(sticky[key]) : undefined, `stickiness.${key}`];
    const hcArg = (key: string): Field => [doc.scalar(hc[key]), `health_check.${key}`];
    const cookieDuration = stickyArg('cookie_duration');
    return [readTargetGroup(id, {
      where: `target group ${id}`,
      name: tfTag(b.tags, ROUTE_TAG) ?? id.slice(id.indexOf('.') + 1),
      protocol: str(doc.scalar(b.protocol), AWS_ALB_TARGET_GROUP.protocol),
      port: arg('port'),
      targetType: arg('target_type'),
      deregistrationDelay: arg('deregistration_delay'),
      health: {
        protocol: hcArg('protocol'),
        path: hcArg('path'),
        port: hcArg('port'),
        interval: hcArg('interval'),
        timeout: hcArg('timeout'),
        healthyThreshold: hcArg('healthy_threshold'),
        unhealthyThreshold: hcArg('unhealthy_threshold'),
        matcher: hcArg('matcher'),
      },
      engineThresholds: { healthy: PROVIDER.healthyThreshold, unhealthy: PROVIDER.unhealthyThreshold },
      network: {
        connectionTermination: arg('connection_termination'),
        preserveClientIp: arg('preserve_client_ip'),
        proxyProtocolV2: arg('proxy_protocol_v2'),
        // A stickiness block is enabled unless it says otherwise (the provider's default).
        stickinessEnabled: [sticky ? doc.scalar(sticky.enabled) ?? PROVIDER.stickinessBlockEnabled : false, 'stickiness.enabled'],
        stickinessType: stickyArg('type'),
      },
      application: {
        protocolVersion: arg('protocol_version'),
        algorithm: arg('load_balancing_algorithm_type'),
        anomalyMitigation: arg('load_balancing_anomaly_mitigation'),
        slowStart: arg('slow_start'),
        stickiness: {
          // No stickiness block: off; a block is enabled unless it says otherwise (the provider's default).
          enabled: sticky ? stickyArg('enabled') : [false, 'stickiness.enabled'],
          enabledByDefault: PROVIDER.stickinessBlockEnabled,
          type: stickyArg('type'),
          lbCookieDuration: cookieDuration,
          appCookieDuration: cookieDuration,
          appCookieName: stickyArg('cookie_name'),
        },
        defaultHealthProtocol: PROVIDER.healthProtocol,
      },
      lambda: {
        multiValueHeaders: arg('lambda_multi_value_headers_enabled'),
        // No health_check block: off (AWS's default for Lambda); a block is enabled unless it says otherwise.
        healthEnabled: hcArg('enabled'),
        healthEnabledByDefault: block(b.health_check) !== undefined,
        engineIntervalSeconds: PROVIDER.healthIntervalSeconds,
      },
    })];
  },
};
