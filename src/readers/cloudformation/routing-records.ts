import { AWS_ALIAS_EVALUATE_TARGET_HEALTH } from '../../core/contract';
import { REFERENCE } from '../../core/model/load-balancer-model';
import { AliasRecordPart, Part, RoutingRecordPart } from '../parts';
import { ResourceMapping } from '../registry';
import { bool, isObject, num, objects, str, strings } from '../values';
import { cfnMapping, CfnTemplate } from './template';

/**
 * A literal, or REFERENCE for an intrinsic (GetAtt, Fn::ImportValue, a parameter) or a dynamic
 * reference (`{{resolve:ssm:...}}`, as CDK's cross-region references read).
 */
export function cfnLiteral(doc: CfnTemplate, raw: unknown): string {
  const value = doc.ref(raw).value;
  return value.includes('{{resolve:') ? REFERENCE : value;
}

/** The routing policy a record set uses that the model cannot hold. */
function unsupportedRouting(p: Record<string, unknown>): string | undefined {
  if (p.GeoLocation !== undefined) return 'geolocation';
  if (p.GeoProximityLocation !== undefined) return 'geoproximity';
  if (p.CidrRoutingConfig !== undefined) return 'IP-based (CIDR)';
  if (p.MultiValueAnswer === true || p.MultiValueAnswer === 'true') return 'multivalue answer';
  return undefined;
}

/**
 * One record set: a simple A / AAAA alias record reads as its load balancer's alias record;
 * a record with a set identifier or a routing policy as a routing record (GlobalFailover).
 */
function recordParts(key: string, p: Record<string, unknown>, doc: CfnTemplate): Part[] {
  const type = str(doc.scalar(p.Type), '');
  const name = str(doc.scalar(p.Name), '');
  const setIdentifier = str(doc.scalar(p.SetIdentifier));
  const unsupported = unsupportedRouting(p);
  const routed = setIdentifier !== undefined || unsupported !== undefined
    || p.Failover !== undefined || p.Region !== undefined || p.Weight !== undefined;
  const alias = isObject(p.AliasTarget) ? p.AliasTarget : undefined;
  if (!routed) {
    if (!alias || (type !== 'A' && type !== 'AAAA')) return [];
    const part: AliasRecordPart = { kind: 'alias-record', key, name, type, target: doc.ref(alias.DNSName) };
    return [part];
  }
  const where = `record ${key}`;
  const part: RoutingRecordPart = {
    kind: 'routing-record',
    key,
    name,
    type,
    ...(setIdentifier !== undefined ? { setIdentifier } : {}),
    ...(p.Failover !== undefined ? { failover: str(doc.scalar(p.Failover), '') } : {}),
    ...(p.Region !== undefined ? { region: str(doc.scalar(p.Region), '') } : {}),
    ...(p.Weight !== undefined ? { weight: num(doc.scalar(p.Weight), 0, `${where} Weight`) } : {}),
    ...(unsupported !== undefined ? { unsupportedRouting: unsupported } : {}),
    ...(p.HealthCheckId !== undefined ? { healthCheck: doc.ref(p.HealthCheckId), healthCheckWritten: JSON.stringify(p.HealthCheckId) } : {}),
    ...(alias ? {
      alias: {
        dnsName: cfnLiteral(doc, alias.DNSName),
        hostedZoneId: cfnLiteral(doc, alias.HostedZoneId),
        evaluateTargetHealth: bool(doc.scalar(alias.EvaluateTargetHealth), AWS_ALIAS_EVALUATE_TARGET_HEALTH, `${where} AliasTarget.EvaluateTargetHealth`),
      },
    } : {}),
    ...(p.ResourceRecords !== undefined ? { values: strings(doc, p.ResourceRecords) } : {}),
    ...(p.TTL !== undefined ? { ttlSeconds: num(doc.scalar(p.TTL), undefined, `${where} TTL`) } : {}),
  };
  return [part];
}

/** AWS::Route53::RecordSet. */
export const recordSetMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::Route53::RecordSet'],
  read: (id, resource, doc) => recordParts(id, (resource.Properties ?? {}) as Record<string, unknown>, doc),
};

/** AWS::Route53::RecordSetGroup: each of its RecordSets, keyed `Id.RecordSets[i]`. */
export const recordSetGroupMapping = cfnMapping('AWS::Route53::RecordSetGroup', (id, p, doc) => {
  return objects(p.RecordSets).flatMap((r, i) => recordParts(`${id}.RecordSets[${i}]`, r, doc));
});
