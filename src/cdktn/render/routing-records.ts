// GENERATED from src/cdktf/render/routing-records.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { Route53Record, Route53RecordConfig } from '@cdktn/provider-aws/lib/route53-record';
import { Construct } from 'constructs';
import { endpointId } from './route53-health-checks';
import { DnsRecordModel } from '../../core/model/dns-routing-model';

/** The routing block of a record: exactly one of failover, latency or weighted. */
function routingPolicy(record: DnsRecordModel): Partial<Route53RecordConfig> {
  if (record.failover !== undefined) return { failoverRoutingPolicy: { type: record.failover } };
  if (record.region !== undefined) return { latencyRoutingPolicy: { region: record.region } };
  if (record.weight !== undefined) return { weightedRoutingPolicy: { weight: record.weight } };
  throw new Error(`unreachable: the planner gives record ${record.setIdentifier} a routing policy`);
}

/**
 * The model's record as `aws_route53_record` arguments: set identifier, routing block, health
 * check, and either an alias (evaluating target health) or values with a TTL.
 */
export function routingRecordConfig(
  record: DnsRecordModel, zoneId: string, recordName: string, healthCheckId: string | undefined,
): Route53RecordConfig {
  return {
    zoneId,
    name: recordName,
    type: record.type,
    setIdentifier: record.setIdentifier,
    ...routingPolicy(record),
    ...(healthCheckId !== undefined ? { healthCheckId } : {}),
    ...(record.alias !== undefined
      ? { alias: { name: record.alias.dnsName, zoneId: record.alias.hostedZoneId, evaluateTargetHealth: record.alias.evaluateTargetHealth } }
      : { records: [...(record.values ?? [])], ttl: record.ttlSeconds }),
  };
}

/** One `aws_route53_record` per model record, id `Record-<endpoint>-<type>`. */
export function renderRoutingRecords(
  scope: Construct, records: DnsRecordModel[], zoneId: string, recordName: string, healthCheckIdOf: (endpoint: string) => string,
): Route53Record[] {
  return records.map((record) => new Route53Record(scope, `Record-${endpointId(record.setIdentifier)}-${record.type}`,
    routingRecordConfig(record, zoneId, recordName, record.healthCheck !== undefined ? healthCheckIdOf(record.healthCheck) : undefined)));
}
