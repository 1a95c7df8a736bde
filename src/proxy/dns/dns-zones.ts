import { isIP } from 'net';
import type { Answer } from 'dns-packet';
import { Candidate } from './candidate';
import { chooseRecord } from './choose-record';
import { canonicalName, isAtOrBelow, zoneOf } from './dns-names';
import { LOCAL_NAME_SERVERS } from './emulation-constants';
import { recordAddresses, recordTtl } from './record-addresses';
import { NS_TTL_SECONDS, SOA } from './route53-constants';
import { DnsRecordModel, DnsRoutingModel } from '../../core/model/dns-routing-model';
import { Endpoint } from '../targets/endpoint';

export interface DnsRoutingOptions {
  /** Uniform in [0, 1): weighted draws. */
  readonly random: () => number;
  /** The AWS region the client is in; when absent, each latency name's first record's region. */
  readonly clientRegion?: string;
  /** What the local name-server names (LOCAL_NAME_SERVERS) resolve to: this server's address (nameServerAddress). */
  readonly nameServerAddress: string;
}

/** How this server answers one question. */
export interface Resolution {
  readonly rcode: 'NOERROR' | 'NXDOMAIN' | 'REFUSED';
  /** AA: set for every name in a zone served here, not for REFUSED. */
  readonly authoritative: boolean;
  readonly answers: Answer[];
  /** The zone's NS records on positive answers; its SOA on negative ones (NXDOMAIN, NODATA; RFC 2308). */
  readonly authorities: Answer[];
  /** A/AAAA of the name servers an NS answer names. */
  readonly additionals: Answer[];
}

/**
 * The zones served: every record name with its routing, answered as Route 53 answers
 * ("DNS constraints and behaviors") and an authoritative server does (RFC 1034 §4.3.2, RFC 2308,
 * RFC 8020):
 * - A/AAAA of a record name → the record the routing policy picks given endpoint health, its
 *   addresses with its TTL (60 s for aliases); no address for the type → NODATA;
 * - at a zone apex, the records Route 53 creates in every public hosted zone: NS (the four local
 *   name servers, TTL 2 days) and SOA (primary name server the first of them, Route 53's numbers);
 * - the local name servers' own names (zones of their own, like Route 53's awsdns domains) → A or
 *   AAAA of this server's address;
 * - any other type of an existing name (record names, their parents within the zone, the apex) → NODATA;
 * - other names within a zone → NXDOMAIN;
 * - positive answers carry the zone's NS records in the authority section (unless the answer is
 *   that NS set), and an NS answer the name servers' addresses in the additional section;
 *   negative answers carry the zone's SOA;
 * - names outside every zone → REFUSED, not authoritative (what Route 53's name servers and
 *   BIND answer for zones they do not host).
 */
export class DnsZones {
  private readonly byName = new Map<string, DnsRoutingModel>();
  /** Zone apexes, longest first (the closest enclosing zone wins). */
  private readonly zones: string[];
  /** Names that exist: record names, the names between them and their zone, the apexes, the name servers. */
  private readonly existing = new Set<string>();
  private readonly nameServers = new Set(LOCAL_NAME_SERVERS);

  public constructor(models: readonly DnsRoutingModel[], private readonly endpoints: Readonly<Record<string, Endpoint>>,
    private readonly healthy: (recordName: string, setIdentifier: string) => boolean, private readonly context: DnsRoutingOptions) {
    const zones = new Set<string>();
    const exists = (name: string) => {
      const zone = zoneOf(name);
      zones.add(zone);
      for (let n = name; n !== zone && n.includes('.'); n = n.slice(n.indexOf('.') + 1)) this.existing.add(n);
      this.existing.add(zone);
    };
    for (const model of models) {
      const name = canonicalName(model.recordName);
      this.byName.set(name, model);
      exists(name);
    }
    for (const name of LOCAL_NAME_SERVERS) exists(name);
    this.zones = [...zones].sort((a, b) => b.length - a.length);
  }

  /** The answer to one question; `qname` as asked (its case is kept in the answers). */
  public resolve(qname: string, qtype: string): Resolution {
    const name = canonicalName(qname);
    const zone = this.zones.find((z) => isAtOrBelow(name, z));
    if (zone === undefined) return { rcode: 'REFUSED', authoritative: false, answers: [], authorities: [], additionals: [] };
    const owner = qname.endsWith('.') && qname.length > 1 ? qname.slice(0, -1) : qname;
    const types: ('A' | 'AAAA')[] = qtype === 'ANY' ? ['A', 'AAAA'] : qtype === 'A' || qtype === 'AAAA' ? [qtype] : [];
    const answers: Answer[] = [];
    const model = this.byName.get(name);
    if (model) for (const type of types) answers.push(...this.addressAnswers(model, type, owner));
    if (this.nameServers.has(name)) for (const type of types) answers.push(...this.nameServerAddresses(type, owner));
    const apex = name === zone;
    if (apex && (qtype === 'SOA' || qtype === 'ANY')) answers.push(this.soa(owner));
    const nsAnswer = apex && (qtype === 'NS' || qtype === 'ANY');
    if (nsAnswer) answers.push(...this.ns(owner));
    if (answers.length > 0) {
      return {
        rcode: 'NOERROR',
        authoritative: true,
        answers,
        authorities: nsAnswer ? [] : this.ns(zone),
        additionals: nsAnswer ? LOCAL_NAME_SERVERS.flatMap((ns) => [...this.nameServerAddresses('A', ns), ...this.nameServerAddresses('AAAA', ns)]) : [],
      };
    }
    return { rcode: this.existing.has(name) ? 'NOERROR' : 'NXDOMAIN', authoritative: true, answers: [], authorities: [this.soa(zone)], additionals: [] };
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

  /** A name server's address record of `type`: this server's address when it is of that family. */
  private nameServerAddresses(type: 'A' | 'AAAA', owner: string): Answer[] {
    const address = this.context.nameServerAddress;
    if (isIP(address) !== (type === 'A' ? 4 : 6)) return [];
    return [{ type, class: 'IN', name: owner, ttl: NS_TTL_SECONDS, data: address }];
  }

  private ns(zone: string): Answer[] {
    return LOCAL_NAME_SERVERS.map((data) => ({ type: 'NS' as const, class: 'IN' as const, name: zone, ttl: NS_TTL_SECONDS, data }));
  }

  private soa(zone: string): Answer {
    const { ttlSeconds, rname, serial, refresh, retry, expire, minimum } = SOA;
    return { type: 'SOA', class: 'IN', name: zone, ttl: ttlSeconds, data: { mname: LOCAL_NAME_SERVERS[0], rname, serial, refresh, retry, expire, minimum } };
  }
}
