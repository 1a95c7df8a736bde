import { isIP } from 'net';
import { ELB_ALIAS_TTL_SECONDS } from './route53-constants';
import { DnsRecordModel } from '../../core/model/dns-routing-model';
import { Endpoint } from '../targets/endpoint';

/**
 * The addresses a record answers with locally: its mapped endpoint's host when that is an IP
 * literal of the record's family (127.0.0.2 for A, ::1 for AAAA), else the record's literal
 * values of that family (none for an alias: the load balancer's addresses are not known
 * offline; none for a value that is a reference to another stack).
 */
export function recordAddresses(record: DnsRecordModel, endpoint: Endpoint | undefined): string[] {
  const family = record.type === 'A' ? 4 : 6;
  if (endpoint !== undefined && isIP(endpoint.host) === family) return [endpoint.host];
  return (record.values ?? []).filter((value) => isIP(value) === family);
}

/** A record's TTL: its own, or for an alias the load balancer's 60 s. */
export function recordTtl(record: DnsRecordModel): number {
  return record.ttlSeconds ?? ELB_ALIAS_TTL_SECONDS;
}
