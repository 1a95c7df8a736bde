import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { absoluteName, logicalName } from './names';
import { DnsAliasModel } from '../core/model/load-balancer-model';

/** Route 53 alias records (A, and AAAA with dual stack) pointing at the load balancer, evaluating its health. */
export function renderAliasRecords(
  scope: Construct, records: DnsAliasModel[], zone: route53.IHostedZone | undefined, dnsName: string, canonicalHostedZoneId: string,
): route53.CfnRecordSet[] {
  return records.map((r) => new route53.CfnRecordSet(scope, `AliasRecord-${logicalName(r.name)}-${r.type}`, {
    // planWebApi and planTcpService refuse alias records without a hosted zone.
    hostedZoneId: zone!.hostedZoneId,
    name: absoluteName(r.name),
    type: r.type,
    aliasTarget: { dnsName, hostedZoneId: canonicalHostedZoneId, evaluateTargetHealth: true },
  }));
}
