import {
  AlgorithmValue, HealthCheckModel, HttpProtocol, ProtocolVersionValue, StickinessModel, TargetGroupModel, TargetTypeValue,
} from '../../core/model/load-balancer-model';
import { isNetworkProtocol, readNetworkTargetGroup } from '../network-target-group-fields';
import { NetworkTargetGroupPart, TargetGroupPart } from '../parts';
import { ResourceMapping } from '../registry';
import { bool, isObject, list, num, str } from '../values';
import { cfnTag, CfnTemplate } from './template';

/**
 * AWS::ElasticLoadBalancingV2::TargetGroup; route name from tag `lbkit:route`. A TCP, UDP,
 * TCP_UDP or TLS group is a network load balancer's (see {@link readNetworkTargetGroup});
 * otherwise absent properties read as AWS's defaults for an ALB target group (health check `/`,
 * 30 s, 5 s, healthy 5, unhealthy 2, matcher 200; draining 300 s; round robin; target type instance).
 */
export const targetGroupMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::ElasticLoadBalancingV2::TargetGroup'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    const where = `target group ${id}`;
    const attrs = new Map<string, unknown>();
    for (const a of list(p.TargetGroupAttributes)) {
      if (isObject(a) && typeof a.Key === 'string') attrs.set(a.Key, doc.scalar(a.Value));
    }
    const s = (v: unknown) => doc.scalar(v);
    const protocol = str(s(p.Protocol), 'HTTP') as HttpProtocol;
    if (isNetworkProtocol(protocol)) {
      const matcherOf = isObject(p.Matcher) ? p.Matcher : {};
      const network: NetworkTargetGroupPart = {
        kind: 'network-target-group',
        key: id,
        group: readNetworkTargetGroup({
          where,
          name: cfnTag(p.Tags, 'lbkit:route') ?? id,
          protocol,
          port: [s(p.Port), 'Port'],
          targetType: [s(p.TargetType), 'TargetType'],
          deregistrationDelay: [attrs.get('deregistration_delay.timeout_seconds'), 'deregistration_delay.timeout_seconds'],
          connectionTermination: [attrs.get('deregistration_delay.connection_termination.enabled'), 'deregistration_delay.connection_termination.enabled'],
          preserveClientIp: [attrs.get('preserve_client_ip.enabled'), 'preserve_client_ip.enabled'],
          proxyProtocolV2: [attrs.get('proxy_protocol_v2.enabled'), 'proxy_protocol_v2.enabled'],
          stickinessEnabled: [attrs.get('stickiness.enabled'), 'stickiness.enabled'],
          stickinessType: [attrs.get('stickiness.type'), 'stickiness.type'],
          health: {
            protocol: [s(p.HealthCheckProtocol), 'HealthCheckProtocol'],
            path: [s(p.HealthCheckPath), 'HealthCheckPath'],
            port: [s(p.HealthCheckPort), 'HealthCheckPort'],
            interval: [s(p.HealthCheckIntervalSeconds), 'HealthCheckIntervalSeconds'],
            timeout: [s(p.HealthCheckTimeoutSeconds), 'HealthCheckTimeoutSeconds'],
            healthyThreshold: [s(p.HealthyThresholdCount), 'HealthyThresholdCount'],
            unhealthyThreshold: [s(p.UnhealthyThresholdCount), 'UnhealthyThresholdCount'],
            matcher: [s(matcherOf.HttpCode), 'Matcher.HttpCode'],
          },
          defaultThresholds: { healthy: 5, unhealthy: 2 },
        }),
      };
      return [network];
    }
    const algorithm = str(attrs.get('load_balancing.algorithm.type'), 'round_robin') as AlgorithmValue;
    let stickiness: StickinessModel | undefined;
    if (bool(attrs.get('stickiness.enabled'), false, `${where} stickiness.enabled`)) {
      const type = str(attrs.get('stickiness.type'), 'lb_cookie');
      stickiness = type === 'app_cookie'
        ? {
          type: 'app_cookie',
          durationSeconds: num(attrs.get('stickiness.app_cookie.duration_seconds'), 86_400, `${where} stickiness.app_cookie.duration_seconds`),
          cookieName: str(attrs.get('stickiness.app_cookie.cookie_name'), ''),
        }
        : { type: 'lb_cookie', durationSeconds: num(attrs.get('stickiness.lb_cookie.duration_seconds'), 86_400, `${where} stickiness.lb_cookie.duration_seconds`) };
    }
    const matcher = isObject(p.Matcher) ? p.Matcher : {};
    const healthCheck: HealthCheckModel = {
      protocol: str(s(p.HealthCheckProtocol), protocol) as HttpProtocol,
      path: str(s(p.HealthCheckPath), '/'),
      port: str(s(p.HealthCheckPort), 'traffic-port'),
      intervalSeconds: num(s(p.HealthCheckIntervalSeconds), 30, `${where} HealthCheckIntervalSeconds`),
      timeoutSeconds: num(s(p.HealthCheckTimeoutSeconds), 5, `${where} HealthCheckTimeoutSeconds`),
      healthyThreshold: num(s(p.HealthyThresholdCount), 5, `${where} HealthyThresholdCount`),
      unhealthyThreshold: num(s(p.UnhealthyThresholdCount), 2, `${where} UnhealthyThresholdCount`),
      matcher: str(s(matcher.HttpCode), '200'),
    };
    const group: TargetGroupModel = {
      name: cfnTag(p.Tags, 'lbkit:route') ?? id,
      protocol,
      port: num(s(p.Port), protocol === 'HTTPS' ? 443 : 80, `${where} Port`),
      protocolVersion: str(s(p.ProtocolVersion), 'HTTP1') as ProtocolVersionValue,
      targetType: str(s(p.TargetType), 'instance') as TargetTypeValue,
      algorithm,
      anomalyMitigation: str(attrs.get('load_balancing.algorithm.anomaly_mitigation'), 'off') === 'on',
      slowStartSeconds: num(attrs.get('slow_start.duration_seconds'), 0, `${where} slow_start.duration_seconds`),
      deregistrationDelaySeconds: num(attrs.get('deregistration_delay.timeout_seconds'), 300, `${where} deregistration_delay.timeout_seconds`),
      ...(stickiness ? { stickiness } : {}),
      healthCheck,
    };
    const part: TargetGroupPart = { kind: 'target-group', key: id, group };
    return [part];
  },
};
