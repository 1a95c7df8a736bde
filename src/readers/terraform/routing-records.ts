import { AWS_ALIAS_EVALUATE_TARGET_HEALTH } from '../../core/contract';
import { AliasRecordPart, RoutingRecordPart } from '../parts';
import { ResourceMapping } from '../registry';
import { block, bool, num, str, strings } from '../values';
import { TfConfig } from './config';

/** The routing policy a record uses that the model cannot hold. */
function unsupportedRouting(b: Record<string, unknown>): string | undefined {
  if (block(b.geolocation_routing_policy)) return 'geolocation';
  if (block(b.geoproximity_routing_policy)) return 'geoproximity';
  if (block(b.cidr_routing_policy)) return 'IP-based (CIDR)';
  if (b.multivalue_answer_routing_policy === true || b.multivalue_answer_routing_policy === 'true') return 'multivalue answer';
  return undefined;
}

/**
 * aws_route53_record: a simple A / AAAA alias record reads as its load balancer's alias record
 * (validation CNAMEs and other simple records are ignored); a record with a set identifier or
 * a routing policy as a routing record (GlobalFailover).
 */
export const awsRoute53RecordMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_route53_record'],
  read: (id, b, doc) => {
    const type = str(doc.scalar(b.type), '');
    const name = str(doc.scalar(b.name), '');
    const alias = block(b.alias);
    const setIdentifier = str(doc.scalar(b.set_identifier));
    const failover = block(b.failover_routing_policy);
    const latency = block(b.latency_routing_policy);
    const weighted = block(b.weighted_routing_policy);
    const unsupported = unsupportedRouting(b);
    const routed = setIdentifier !== undefined || failover || latency || weighted || unsupported !== undefined;
    if (!routed) {
      if (!alias || (type !== 'A' && type !== 'AAAA')) return [];
      const part: AliasRecordPart = { kind: 'alias-record', key: id, name, type, target: doc.ref(alias.name) };
      return [part];
    }
    const where = `record ${id}`;
    const part: RoutingRecordPart = {
      kind: 'routing-record',
      key: id,
      name,
      type,
      ...(setIdentifier !== undefined ? { setIdentifier } : {}),
      ...(failover ? { failover: str(doc.scalar(failover.type), '') } : {}),
      ...(latency ? { region: str(doc.scalar(latency.region), '') } : {}),
      ...(weighted ? { weight: num(doc.scalar(weighted.weight), 0, `${where} weighted_routing_policy.weight`) } : {}),
      ...(unsupported !== undefined ? { unsupportedRouting: unsupported } : {}),
      ...(b.health_check_id !== undefined ? { healthCheck: doc.ref(b.health_check_id), healthCheckWritten: JSON.stringify(b.health_check_id) } : {}),
      ...(alias ? {
        alias: {
          dnsName: doc.ref(alias.name).value,
          hostedZoneId: doc.ref(alias.zone_id).value,
          evaluateTargetHealth: bool(doc.scalar(alias.evaluate_target_health), AWS_ALIAS_EVALUATE_TARGET_HEALTH, `${where} alias.evaluate_target_health`),
        },
      } : {}),
      ...(b.records !== undefined ? { values: strings(doc, b.records) } : {}),
      ...(b.ttl !== undefined ? { ttlSeconds: num(doc.scalar(b.ttl), undefined, `${where} ttl`) } : {}),
    };
    return [part];
  },
};
