// GENERATED from src/cdktf/render/alias-records.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { Route53Record } from '@cdktn/provider-aws/lib/route53-record';
import { Construct } from 'constructs';
import { DnsAliasModel } from '../../core/model/load-balancer-model';

/** Where alias records point. */
export interface AliasTarget {
  readonly hostedZoneId: string;
  readonly dnsName: string;
  readonly zoneId: string;
}

/** One `aws_route53_record` alias (A, and AAAA with dual stack) per model record. */
export function renderAliasRecords(scope: Construct, records: DnsAliasModel[], target: AliasTarget): Route53Record[] {
  return records.map((record, i) => new Route53Record(scope, `AliasRecord${i}`, {
    zoneId: target.hostedZoneId,
    name: record.name,
    type: record.type,
    alias: { name: target.dnsName, zoneId: target.zoneId, evaluateTargetHealth: true },
  }));
}
