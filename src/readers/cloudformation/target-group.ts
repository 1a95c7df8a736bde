import { AWS_ALB_TARGET_GROUP, AWS_LAMBDA_TARGET_GROUP, ROUTE_TAG, TARGET_GROUP_ATTRIBUTE as KEY, TargetGroupAttributeKey } from '../../core/contract';
import { HttpProtocol } from '../../core/model/load-balancer-model';
import { Field } from '../fields';
import { readTargetGroup } from '../target-group';
import { isObject, list, str } from '../values';
import { cfnMapping, cfnTag } from './template';

/**
 * AWS::ElasticLoadBalancingV2::TargetGroup; route name from tag {@link ROUTE_TAG}. A `lambda` target
 * type makes a Lambda function's group; otherwise a TCP, UDP,
 * TCP_UDP, TLS, QUIC or TCP_QUIC group is a network load balancer's, any other an application load balancer's
 * (see {@link readTargetGroup}); absent properties read as AWS's defaults.
 */
export const targetGroupMapping = cfnMapping('AWS::ElasticLoadBalancingV2::TargetGroup', (id, p, doc) => {
  const attrs = new Map<string, unknown>();
  for (const a of list(p.TargetGroupAttributes)) {
    if (isObject(a) && typeof a.Key === 'string') attrs.set(a.Key, doc.scalar(a.Value));
  }
  const prop = (key: string): Field => [doc.scalar(p[key]), key];
  const attr = (key: TargetGroupAttributeKey): Field => [attrs.get(key), key];
  const matcher = isObject(p.Matcher) ? p.Matcher : {};
  const protocol = str(doc.scalar(p.Protocol), AWS_ALB_TARGET_GROUP.protocol);
  return [readTargetGroup(id, {
    where: `target group ${id}`,
    name: cfnTag(p.Tags, ROUTE_TAG) ?? id,
    protocol,
    port: prop('Port'),
    targetType: prop('TargetType'),
    deregistrationDelay: attr(KEY.deregistrationDelay),
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
      connectionTermination: attr(KEY.connectionTermination),
      preserveClientIp: attr(KEY.preserveClientIp),
      proxyProtocolV2: attr(KEY.proxyProtocolV2),
      stickinessEnabled: attr(KEY.stickinessEnabled),
      stickinessType: attr(KEY.stickinessType),
    },
    application: {
      protocolVersion: prop('ProtocolVersion'),
      algorithm: attr(KEY.algorithm),
      anomalyMitigation: attr(KEY.anomalyMitigation),
      slowStart: attr(KEY.slowStart),
      stickiness: {
        enabled: attr(KEY.stickinessEnabled),
        enabledByDefault: AWS_ALB_TARGET_GROUP.stickiness,
        type: attr(KEY.stickinessType),
        lbCookieDuration: attr(KEY.lbCookieDuration),
        appCookieDuration: attr(KEY.appCookieDuration),
        appCookieName: attr(KEY.appCookieName),
      },
      // AWS checks health with the group's own protocol unless told otherwise.
      defaultHealthProtocol: protocol as HttpProtocol,
    },
    lambda: {
      multiValueHeaders: attr(KEY.lambdaMultiValueHeaders),
      healthEnabled: prop('HealthCheckEnabled'),
      healthEnabledByDefault: AWS_LAMBDA_TARGET_GROUP.healthCheckEnabled,
    },
  })];
});
