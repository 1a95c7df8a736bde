import {
  AlgorithmValue, HealthCheckModel, HttpProtocol, ProtocolVersionValue, StickinessModel, TargetGroupModel, TargetTypeValue,
} from '../../core/model/load-balancer-model';
import { isNetworkProtocol, readNetworkTargetGroup } from '../network-target-group-fields';
import { NetworkTargetGroupPart, TargetGroupPart } from '../parts';
import { ResourceMapping } from '../registry';
import { block, bool, num, str } from '../values';
import { TfConfig, tfTag } from './config';

/**
 * aws_lb_target_group (aws_alb_target_group); route name from tag `lbkit:route`. A TCP, UDP,
 * TCP_UDP or TLS group is a network load balancer's (see {@link readNetworkTargetGroup}; the
 * provider's thresholds 3 and 3); otherwise absent arguments read as the provider's defaults
 * (health check `/`, 30 s, 5 s, healthy 3, unhealthy 3, matcher 200; draining 300 s; round robin;
 * target type instance).
 */
export const awsLbTargetGroupMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb_target_group', 'aws_alb_target_group'],
  read: (id, b, doc) => {
    const where = `target group ${id}`;
    const s = (v: unknown) => doc.scalar(v);
    const protocol = str(s(b.protocol), 'HTTP') as HttpProtocol;
    const sticky = block(b.stickiness);
    if (isNetworkProtocol(protocol)) {
      const health = block(b.health_check) ?? {};
      const network: NetworkTargetGroupPart = {
        kind: 'network-target-group',
        key: id,
        group: readNetworkTargetGroup({
          where,
          name: tfTag(b.tags, 'lbkit:route') ?? id.slice(id.indexOf('.') + 1),
          protocol,
          port: [s(b.port), 'port'],
          targetType: [s(b.target_type), 'target_type'],
          deregistrationDelay: [s(b.deregistration_delay), 'deregistration_delay'],
          connectionTermination: [s(b.connection_termination), 'connection_termination'],
          preserveClientIp: [s(b.preserve_client_ip), 'preserve_client_ip'],
          proxyProtocolV2: [s(b.proxy_protocol_v2), 'proxy_protocol_v2'],
          // A stickiness block is enabled unless it says otherwise (the provider's default).
          stickinessEnabled: [sticky ? s(sticky.enabled) ?? true : false, 'stickiness.enabled'],
          stickinessType: [sticky ? s(sticky.type) : undefined, 'stickiness.type'],
          health: {
            protocol: [s(health.protocol), 'health_check.protocol'],
            path: [s(health.path), 'health_check.path'],
            port: [s(health.port), 'health_check.port'],
            interval: [s(health.interval), 'health_check.interval'],
            timeout: [s(health.timeout), 'health_check.timeout'],
            healthyThreshold: [s(health.healthy_threshold), 'health_check.healthy_threshold'],
            unhealthyThreshold: [s(health.unhealthy_threshold), 'health_check.unhealthy_threshold'],
            matcher: [s(health.matcher), 'health_check.matcher'],
          },
          defaultThresholds: { healthy: 3, unhealthy: 3 },
        }),
      };
      return [network];
    }
    let stickiness: StickinessModel | undefined;
    if (sticky && bool(s(sticky.enabled), true, `${where} stickiness.enabled`)) {
      const durationSeconds = num(s(sticky.cookie_duration), 86_400, `${where} stickiness.cookie_duration`);
      stickiness = str(s(sticky.type), 'lb_cookie') === 'app_cookie'
        ? { type: 'app_cookie', durationSeconds, cookieName: str(s(sticky.cookie_name), '') }
        : { type: 'lb_cookie', durationSeconds };
    }
    const hc = block(b.health_check) ?? {};
    const healthCheck: HealthCheckModel = {
      protocol: str(s(hc.protocol), 'HTTP') as HttpProtocol,
      path: str(s(hc.path), '/'),
      port: str(s(hc.port), 'traffic-port'),
      intervalSeconds: num(s(hc.interval), 30, `${where} health_check.interval`),
      timeoutSeconds: num(s(hc.timeout), 5, `${where} health_check.timeout`),
      healthyThreshold: num(s(hc.healthy_threshold), 3, `${where} health_check.healthy_threshold`),
      unhealthyThreshold: num(s(hc.unhealthy_threshold), 3, `${where} health_check.unhealthy_threshold`),
      matcher: str(s(hc.matcher), '200'),
    };
    const group: TargetGroupModel = {
      name: tfTag(b.tags, 'lbkit:route') ?? id.slice(id.indexOf('.') + 1),
      protocol,
      port: num(s(b.port), protocol === 'HTTPS' ? 443 : 80, `${where} port`),
      protocolVersion: str(s(b.protocol_version), 'HTTP1') as ProtocolVersionValue,
      targetType: str(s(b.target_type), 'instance') as TargetTypeValue,
      algorithm: str(s(b.load_balancing_algorithm_type), 'round_robin') as AlgorithmValue,
      anomalyMitigation: str(s(b.load_balancing_anomaly_mitigation), 'off') === 'on',
      slowStartSeconds: num(s(b.slow_start), 0, `${where} slow_start`),
      deregistrationDelaySeconds: num(s(b.deregistration_delay), 300, `${where} deregistration_delay`),
      ...(stickiness ? { stickiness } : {}),
      healthCheck,
    };
    const part: TargetGroupPart = { kind: 'target-group', key: id, group };
    return [part];
  },
};
