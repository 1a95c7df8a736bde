import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { absoluteName, logicalName } from './names';
import { DnsRecordModel, DnsRoutingModel } from '../core/model/dns-routing-model';

function routing(r: DnsRecordModel): Partial<route53.CfnRecordSetProps> {
  return {
    ...(r.failover !== undefined ? { failover: r.failover } : {}),
    ...(r.region !== undefined ? { region: r.region } : {}),
    ...(r.weight !== undefined ? { weight: r.weight } : {}),
  };
}

/**
 * One record set per model record, in the model's order: the set identifier is the endpoint name,
 * the routing field is the policy's (failover, region or weight), the endpoint's health check is
 * attached when it has one; an alias evaluating target health, or values with a TTL.
 */
export function renderRoutingRecords(
  scope: Construct, model: DnsRoutingModel, zone: route53.IHostedZone, healthCheckIdOf: (name: string) => string,
): route53.CfnRecordSet[] {
  return model.records.map((r) => new route53.CfnRecordSet(scope, `Record-${logicalName(r.setIdentifier)}-${r.type}`, {
    hostedZoneId: zone.hostedZoneId,
    name: absoluteName(model.recordName),
    type: r.type,
    setIdentifier: r.setIdentifier,
    ...routing(r),
    ...(r.healthCheck !== undefined ? { healthCheckId: healthCheckIdOf(r.healthCheck) } : {}),
    ...(r.alias !== undefined
      ? { aliasTarget: { dnsName: r.alias.dnsName, hostedZoneId: r.alias.hostedZoneId, evaluateTargetHealth: r.alias.evaluateTargetHealth } }
      : { resourceRecords: [...(r.values ?? [])], ttl: String(r.ttlSeconds) }),
  }));
}
