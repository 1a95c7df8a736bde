import { AWS_ALB_TARGET_GROUP, ROUTE_TAG } from '../../core/contract';
import { HttpProtocol } from '../../core/model/load-balancer-model';
import { Field } from '../fields';
import { readTargetGroup } from '../target-group';
import { isObject, list, str } from '../values';
import { cfnMapping, cfnTag } from './template';

/**
 * AWS::ElasticLoadBalancingV2::TargetGroup; route name from tag {@link ROUTE_TAG}. A TCP, UDP,
 * TCP_UDP or TLS group is a network load balancer's, any other an application load balancer's
 * (see {@link readTargetGroup}); absent properties read as AWS's defaults.
 */
export const targetGroupMapping = cfnMapping('AWS::ElasticLoadBalancingV2::TargetGroup', (id, p, doc) => {
  const attrs = new Map<string, unknown>();
  for (const a of list(p.TargetGroupAttributes)) {
    if (isObject(a) && typeof a.Key === 'string') attrs.set(a.Key, doc.scalar(a.Value));
  }
  const prop = (key: string): Field => [doc.scalar(p[key]), key];
  const attr = (key: string): Field => [attrs.get(key), key];
  const matcher = isObject(p.Matcher) ? p.Matcher : {};
  const protocol = str(doc.scalar(p.Protocol), AWS_ALB_TARGET_GROUP.protocol);
  return [readTargetGroup(id, {
    where: `target group ${id}`,
    name: cfnTag(p.Tags, ROUTE_TAG) ?? id,
    protocol,
    port: prop('Port'),
    targetType: prop('TargetType'),
    deregistrationDelay: attr('deregistration_delay.timeout_seconds'),
    health: {
      protocol: prop('HealthCheckProtocol'),
      path: prop('HealthCheckPath'),
      port: prop('HealthCheckPort'),
      interval: prop('HealthCheckIntervalSeconds'),
      timeout: prop('HealthCheckTimeoutSeconds'),
      healthyThreshold: prop('HealthyThresholdCount'),
      unhealthyThreshold: prop('UnhealthyThresholdCount'),
      matcher: [doc.scalar(matcher.HttpCode), 'Matcher.HttpCode'],
    },
    network: {
      connectionTermination: attr('deregistration_delay.connection_termination.enabled'),
      preserveClientIp: attr('preserve_client_ip.enabled'),
      proxyProtocolV2: attr('proxy_protocol_v2.enabled'),
      stickinessEnabled: attr('stickiness.enabled'),
      stickinessType: attr('stickiness.type'),
    },
    application: {
      protocolVersion: prop('ProtocolVersion'),
      algorithm: attr('load_balancing.algorithm.type'),
      anomalyMitigation: attr('load_balancing.algorithm.anomaly_mitigation'),
      slowStart: attr('slow_start.duration_seconds'),
      stickiness: {
        enabled: attr('stickiness.enabled'),
        enabledByDefault: AWS_ALB_TARGET_GROUP.stickiness,
        type: attr('stickiness.type'),
        lbCookieDuration: attr('stickiness.lb_cookie.duration_seconds'),
        appCookieDuration: attr('stickiness.app_cookie.duration_seconds'),
        appCookieName: attr('stickiness.app_cookie.cookie_name'),
      },
      // AWS checks health with the group's own protocol unless told otherwise.
      defaultHealthProtocol: protocol as HttpProtocol,
    },
  })];
});
