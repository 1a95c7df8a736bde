import * as packet from 'dns-packet';
import { DnsHarness, resolve, udpQuery } from './support';
import { FailoverRole, RoutingPolicy } from '../../../src/core/options/enums';
import { DnsServerHandle } from '../../../src/proxy/dns';
import { nameServerAddress } from '../../../src/proxy/dns/name-server-address';
import { Engine, ENGINES, GlobalEngineOptions } from '../../support/engines';

/**
 * Issue 13 item 7: the hosted zone's own records, as Route 53 serves them ("NS and SOA records that
 * Amazon Route 53 creates for a public hosted zone"; "DNS constraints and behaviors": authority and
 * additional section processing), over both engines' output of the GlobalFailover options.
 */
const failover: GlobalEngineOptions = {
  recordName: 'api.example.com',
  routingPolicy: RoutingPolicy.FAILOVER,
  endpoints: [
    { name: 'eu-west-1', role: FailoverRole.PRIMARY, dnsName: 'lbkit-eu-0123456789.eu-west-1.elb.amazonaws.com', hostedZoneId: 'Z32O12XQLNTSW2', healthCheck: { enabled: false } },
    { name: 'us-east-1', role: FailoverRole.SECONDARY, dnsName: 'lbkit-us-0123456789.us-east-1.elb.amazonaws.com', hostedZoneId: 'Z35SXDOTRQ7X7K', healthCheck: { enabled: false } },
  ],
};
/** Eight AAAA answers fit 512 bytes (dns-packet does not compress names); with the zone's four NS records they do not. */
const V6 = Array.from({ length: 8 }, (_, i) => `2001:db8::${(i + 1).toString(16)}`);
const many: GlobalEngineOptions = {
  recordName: 'www.example.com',
  routingPolicy: RoutingPolicy.WEIGHTED,
  ttlSeconds: 30,
  endpoints: [{ name: 'blue', weight: 1, ipv6Addresses: V6, healthCheck: { enabled: false } }],
};

const NAME_SERVERS = ['ns-2048.awsdns-64.com.test', 'ns-2049.awsdns-65.net.test', 'ns-2050.awsdns-66.org.test', 'ns-2051.awsdns-67.co.uk.test'];
const nsRecords = (zone: string) => NAME_SERVERS.map((data) => ({ name: zone, type: 'NS', class: 'IN', ttl: 172800, flush: false, data }));
const soaRecord = (zone: string) => ({
  name: zone,
  type: 'SOA',
  class: 'IN',
  ttl: 900,
  flush: false,
  data: { mname: 'ns-2048.awsdns-64.com.test', rname: 'awsdns-hostmaster.amazon.com', serial: 1, refresh: 7200, retry: 900, expire: 1209600, minimum: 86400 },
});
const question = (name: string, type: string) => ({ questions: [{ name, type, class: 'IN' }] as packet.Question[] });

describe('the name servers\' address', () => {
  test('the server\'s own; loopback of its family when it listens on every address', () => {
    expect(nameServerAddress('127.0.0.5')).toBe('127.0.0.5');
    expect(nameServerAddress('::1')).toBe('::1');
    expect(nameServerAddress('0.0.0.0')).toBe('127.0.0.1');
    expect(nameServerAddress('::')).toBe('::1');
  });
});

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new DnsHarness();
  afterEach(() => h.close());
  const start = (host = '127.0.0.1'): Promise<DnsServerHandle> => h.dns({
    models: [engine.synthGlobal(failover).dns, engine.synthGlobal(many).dns],
    endpoints: { 'eu-west-1': { host: '127.0.0.2', port: 443 }, 'us-east-1': { host: '127.0.0.3', port: 443 } },
    host,
  });

  test('NS at the apex: the four local name servers (TTL 2 days), their addresses in the additional section', async () => {
    const dns = await start();
    const ns = await udpQuery(dns, question('example.com', 'NS'));
    expect([ns.rcode, ns.flag_aa]).toEqual(['NOERROR', true]);
    expect(ns.answers).toEqual(nsRecords('example.com'));
    expect(ns.authorities).toEqual([]); // the answer is the NS set itself
    expect(ns.additionals).toEqual(NAME_SERVERS.map((name) => ({ name, type: 'A', class: 'IN', ttl: 172800, flush: false, data: '127.0.0.1' })));
  });

  test('SOA at the apex: a local name server as primary, Route 53\'s other fields; the zone\'s NS in the authority section', async () => {
    const dns = await start();
    const soa = await udpQuery(dns, question('Example.COM.', 'SOA'));
    expect([soa.rcode, soa.flag_aa, soa.answers]).toEqual(['NOERROR', true, [soaRecord('Example.COM')]]);
    expect(soa.authorities).toEqual(nsRecords('example.com'));
    const any = await udpQuery(dns, question('example.com', 'ANY'));
    expect(any.answers?.map((a) => a.type)).toEqual(['SOA', 'NS', 'NS', 'NS', 'NS']);
  });

  test('positive answers carry the zone\'s NS records; negative ones its SOA', async () => {
    const dns = await start();
    const a = await udpQuery(dns, question('api.example.com', 'A'));
    expect([a.rcode, a.answers?.map((r) => (r as packet.StringAnswer).data), a.authorities, a.additionals]).toEqual(['NOERROR', ['127.0.0.2'], nsRecords('example.com'), []]);
    const nx = await udpQuery(dns, question('nope.example.com', 'A'));
    expect([nx.rcode, nx.answers, nx.authorities]).toEqual(['NXDOMAIN', [], [soaRecord('example.com')]]);
    const nodata = await udpQuery(dns, question('api.example.com', 'TXT'));
    expect([nodata.rcode, nodata.answers, nodata.authorities]).toEqual(['NOERROR', [], [soaRecord('example.com')]]);
  });

  test('over UDP without EDNS, an answer that fits 512 bytes only without the NS records is sent without them, not truncated', async () => {
    const dns = await start();
    const plain = await udpQuery(dns, question('www.example.com', 'AAAA'));
    expect([plain.flag_tc, plain.answers?.length, plain.authorities]).toEqual([false, 8, []]);
    const edns = await udpQuery(dns, { ...question('www.example.com', 'AAAA'), additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }] });
    expect([edns.flag_tc, edns.answers?.length, edns.authorities]).toEqual([false, 8, nsRecords('example.com')]);
  });

  test('the name servers\' names resolve to this server\'s address, authoritatively', async () => {
    const dns = await start('127.0.0.1');
    for (const name of NAME_SERVERS) expect(await resolve(dns, name)).toEqual([{ address: '127.0.0.1', ttl: 172800 }]);
    expect(await resolve(dns, NAME_SERVERS[1], 'AAAA')).toBe('ENODATA');
    const a = await udpQuery(dns, question(NAME_SERVERS[3], 'A'));
    expect([a.rcode, a.flag_aa, a.authorities]).toEqual(['NOERROR', true, nsRecords('awsdns-67.co.uk.test')]);
    const nx = await udpQuery(dns, question('ns-1.awsdns-67.co.uk.test', 'A'));
    expect([nx.rcode, nx.authorities]).toEqual(['NXDOMAIN', [soaRecord('awsdns-67.co.uk.test')]]);
    expect((await udpQuery(dns, question('ns-2048.awsdns-64.com', 'A'))).rcode).toBe('REFUSED'); // the real Route 53 name is not ours
  });

  test('on ::1 the name servers answer AAAA ::1 and have no A', async () => {
    const dns = await start('::1');
    expect(await resolve(dns, NAME_SERVERS[0], 'AAAA')).toEqual([{ address: '::1', ttl: 172800 }]);
    expect(await resolve(dns, NAME_SERVERS[0], 'A')).toBe('ENODATA');
    const ns = await udpQuery(dns, question('example.com', 'NS'));
    expect(ns.additionals?.map((r) => [r.name, r.type, (r as packet.StringAnswer).data])).toEqual(NAME_SERVERS.map((name) => [name, 'AAAA', '::1']));
  });
});
