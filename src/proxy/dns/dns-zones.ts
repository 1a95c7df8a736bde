import type { Answer } from 'dns-packet';
import { Candidate } from './candidate';
import { chooseRecord } from './choose-record';
import { canonicalName, isAtOrBelow, zoneOf } from './dns-names';
import { LOCAL_NAME_SERVER } from './emulation-constants';
import { recordAddresses, recordTtl } from './record-addresses';
import { SOA } from './route53-constants';
import { DnsRecordModel, DnsRoutingModel } from '../../core/model/dns-routing-model';
import { Endpoint } from '../targets/endpoint';

export interface DnsRoutingOptions {
  /** Uniform in [0, 1): weighted draws. */
  readonly random: () => number;
  /** The AWS region the client is in; when absent, each latency name's first record's region. */
  readonly clientRegion?: string;
}

/** How this server answers one question. */
export interface Resolution {
  readonly rcode: 'NOERROR' | 'NXDOMAIN' | 'REFUSED';
  /** AA: set for every name in a zone served here, not for REFUSED. */
  readonly authoritative: boolean;
  readonly answers: Answer[];
  /** The zone's SOA on negative answers (NXDOMAIN, NODATA), for negative caching (RFC 2308). */
  readonly authorities: Answer[];
}

/**
 * The zones served: every record name with its routing, answered as an authoritative server
 * answers (RFC 1034 §4.3.2, RFC 2308, RFC 8020):
 * - A/AAAA of a record name → the record the routing policy picks given endpoint health, its
 *   addresses with its TTL (60 s for aliases); no address for the type → NODATA;
 * - SOA at a zone apex → the zone's SOA (Route 53's numbers);
 * - any other type of an existing name (record names, their parents within the zone, the apex) → NODATA;
 * - other names within a zone → NXDOMAIN; both negative answers carry the SOA;
 * - names outside every zone → REFUSED, not authoritative (what Route 53's name servers and
 *   BIND answer for zones they do not host).
 */
export class DnsZones {
  private readonly byName = new Map<string, DnsRoutingModel>();
  /** Zone apexes, longest first (the closest enclosing zone wins). */
  private readonly zones: string[];
  /** Names that exist: record names, the names between them and their zone, and the apexes. */
  private readonly existing = new Set<string>();

  public constructor(models: readonly DnsRoutingModel[], private readonly endpoints: Readonly<Record<string, Endpoint>>,
    private readonly healthy: (recordName: string, setIdentifier: string) => boolean, private readonly context: DnsRoutingOptions) {
    const zones = new Set<string>();
    for (const model of models) {
      const name = canonicalName(model.recordName);
      const zone = zoneOf(name);
      this.byName.set(name, model);
      zones.add(zone);
      for (let n = name; n !== zone && n.includes('.'); n = n.slice(n.indexOf('.') + 1)) this.existing.add(n);
      this.existing.add(zone);
    }
    this.zones = [...zones].sort((a, b) => b.length - a.length);
  }

  /** The answer to one question; `qname` as asked (its case is kept in the answers). */
  public resolve(qname: string, qtype: string): Resolution {
    const name = canonicalName(qname);
    const zone = this.zones.find((z) => isAtOrBelow(name, z));
    if (zone === undefined) return { rcode: 'REFUSED', authoritative: false, answers: [], authorities: [] };
    const owner = qname.endsWith('.') && qname.length > 1 ? qname.slice(0, -1) : qname;
    const answers: Answer[] = [];
    const model = this.byName.get(name);
    if (model) {
      const types: ('A' | 'AAAA')[] = qtype === 'ANY' ? ['A', 'AAAA'] : qtype === 'A' || qtype === 'AAAA' ? [qtype] : [];
      for (const type of types) answers.push(...this.addressAnswers(model, type, owner));
    }
    if ((qtype === 'SOA' || qtype === 'ANY') && name === zone) answers.push(this.soa(owner));
    if (answers.length > 0) return { rcode: 'NOERROR', authoritative: true, answers, authorities: [] };
    return { rcode: this.existing.has(name) ? 'NOERROR' : 'NXDOMAIN', authoritative: true, answers: [], authorities: [this.soa(zone)] };
  }

  private addressAnswers(model: DnsRoutingModel, type: 'A' | 'AAAA', owner: string): Answer[] {
    const candidates: Candidate<DnsRecordModel>[] = model.records.filter((r) => r.type === type)
      .map((record) => ({ record, healthy: this.healthy(model.recordName, record.setIdentifier) }));
    const clientRegion = this.context.clientRegion ?? model.records[0]?.region ?? '';
    const chosen = chooseRecord(model.routingPolicy, candidates, { random: this.context.random, clientRegion });
    if (!chosen) return [];
    const ttl = recordTtl(chosen.record);
    return recordAddresses(chosen.record, this.endpoints[chosen.record.setIdentifier])
      .map((data) => ({ type, class: 'IN' as const, name: owner, ttl, data }));
  }

  private soa(zone: string): Answer {
    const { ttlSeconds, rname, serial, refresh, retry, expire, minimum } = SOA;
    return { type: 'SOA', class: 'IN', name: zone, ttl: ttlSeconds, data: { mname: LOCAL_NAME_SERVER, rname, serial, refresh, retry, expire, minimum } };
  }
}
