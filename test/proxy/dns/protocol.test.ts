import * as packet from 'dns-packet';
import { captureLogger, DecodedReply, DnsHarness, resolve, tcpMessage, tcpQueries, udpExchange, udpQuery } from './support';
import { REFERENCE } from '../../../src/core/model/load-balancer-model';
import { RoutingPolicy } from '../../../src/core/options/enums';
import { DnsServerHandle } from '../../../src/proxy/dns';
import { Engine, ENGINES, GlobalEngineOptions } from '../../support/engines';

/**
 * What an authoritative server answers besides the happy path, over UDP and TCP, from both
 * engines' output: NXDOMAIN / NODATA / REFUSED with or without the zone's SOA, other query
 * types, opcodes and classes, EDNS and truncation, RFC 7766 framing, malformed messages.
 * One endpoint with plain addresses and no health check (always healthy): 192.0.2.10 and
 * twenty IPv6 addresses, TTL 30 s, mapped to 127.0.0.2.
 */
const V6 = Array.from({ length: 20 }, (_, i) => `2001:db8::${(i + 1).toString(16)}`);
const options: GlobalEngineOptions = {
  recordName: 'www.example.com',
  routingPolicy: RoutingPolicy.WEIGHTED,
  ttlSeconds: 30,
  endpoints: [{ name: 'blue', weight: 1, ipv4Addresses: ['192.0.2.10'], ipv6Addresses: V6, healthCheck: { enabled: false } }],
};

const question = (name: string, type: string, klass = 'IN') => ({ questions: [{ name, type, class: klass }] as packet.Question[] });

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new DnsHarness();
  afterEach(() => h.close());
  const model = engine.synthGlobal(options).dns;
  const start = (host = '127.0.0.2', serverHost?: string): Promise<DnsServerHandle> =>
    h.dns({ models: [model], endpoints: { blue: { host, port: 8443 } }, ...(serverHost ? { host: serverHost } : {}) });

  test('A answers the mapped IPv4 endpoint; AAAA the record\'s literal values (the endpoint is no IPv6 address); TTL the record\'s', async () => {
    const dns = await start();
    expect(await resolve(dns, 'www.example.com')).toEqual([{ address: '127.0.0.2', ttl: 30 }]);
    // Twenty AAAA records do not fit 512 bytes: c-ares gets TC over UDP and retries over TCP.
    expect(await resolve(dns, 'www.example.com', 'AAAA')).toEqual(V6.map((address) => ({ address, ttl: 30 })));
    expect(dns.answer('WWW.example.com.', 'AAAA')).toEqual(V6);
  });

  test('an ::1 endpoint answers AAAA, A the literal value; the server listens on ::1 too', async () => {
    const dns = await start('::1', '::1');
    expect(dns.host).toBe('::1');
    expect(await resolve(dns, 'www.example.com', 'AAAA')).toEqual([{ address: '::1', ttl: 30 }]);
    expect(await resolve(dns, 'www.example.com', 'A')).toEqual([{ address: '192.0.2.10', ttl: 30 }]);
  });

  test('NXDOMAIN below the zone, NODATA for existing names without data, REFUSED outside the zone; negative answers carry Route 53\'s SOA', async () => {
    const dns = await start();
    expect(await resolve(dns, 'nope.example.com')).toBe('ENOTFOUND');
    expect(await resolve(dns, 'example.com')).toBe('ENODATA');
    expect(await resolve(dns, 'api.other.org')).toBe('EREFUSED');

    const nx = await udpQuery(dns, question('nope.example.com', 'A'));
    expect(nx).toMatchObject({ rcode: 'NXDOMAIN', flag_aa: true, answers: [] });
    expect(nx.authorities).toEqual([{
      name: 'example.com',
      type: 'SOA',
      class: 'IN',
      ttl: 900,
      flush: false,
      data: { mname: 'ns-2048.awsdns-64.com.test', rname: 'awsdns-hostmaster.amazon.com', serial: 1, refresh: 7200, retry: 900, expire: 1209600, minimum: 86400 },
    }]);
    for (const type of ['TXT', 'MX', 'NS', 'CAA']) {
      const nodata = await udpQuery(dns, question('www.example.com', type));
      expect([type, nodata.rcode, nodata.flag_aa, nodata.answers, nodata.authorities?.map((a) => a.type)]).toEqual([type, 'NOERROR', true, [], ['SOA']]);
    }
    const soa = await udpQuery(dns, question('example.com', 'SOA'));
    expect([soa.rcode, soa.answers?.map((a) => [a.name, a.type])]).toEqual(['NOERROR', [['example.com', 'SOA']]]);
    const refused = await udpQuery(dns, question('api.other.org', 'A'));
    expect([refused.rcode, refused.flag_aa, refused.authorities]).toEqual(['REFUSED', false, []]);
    const any = await udpQuery(dns, question('www.example.com', 'ANY'));
    expect([any.flag_tc, any.answers]).toEqual([true, []]); // A + 20 AAAA exceed 512 bytes
  });

  test('a query header before what cannot be read (RFC 1035 §4.1.1): FORMERR, or NOTIMP for another opcode; ID and RD echoed', async () => {
    const dns = await start();
    const cut = Buffer.from([0, 1, 1, 0, 0, 5, 0, 0, 0, 0, 0, 0, 3, 0x61]); // RD, five questions announced, one label cut short
    expect(packet.decode((await udpExchange(dns, cut))!)).toMatchObject({ id: 1, type: 'response', flag_rd: true, rcode: 'FORMERR', questions: [] });
    const notify = Buffer.from(cut);
    notify[2] = 4 * 8; // NOTIFY (opcode 4, in units of 8), RD clear
    expect(packet.decode((await udpExchange(dns, notify))!)).toMatchObject({ id: 1, opcode: 'NOTIFY', flag_rd: false, rcode: 'NOTIMP' });
    const loop = Buffer.from([0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1]); // a name that points at itself
    expect(packet.decode((await udpExchange(dns, loop))!)).toMatchObject({ id: 2, rcode: 'FORMERR' });
    const tcp = await tcpQueries(dns, [Buffer.concat([Buffer.from([0, cut.length]), cut])]);
    expect(tcp.replies.map((r) => [r.id, (r as DecodedReply).rcode])).toEqual([[1, 'FORMERR']]);
  });

  test('opcodes other than QUERY → NOTIMP; two questions → FORMERR; class CH → REFUSED; zone transfers → REFUSED', async () => {
    const dns = await start();
    const raw = async (p: packet.Packet) => packet.decode((await udpExchange(dns, packet.encode({ type: 'query', id: 9, ...p })))!) as DecodedReply;
    expect((await raw({ flags: 4 * 2048, ...question('www.example.com', 'SOA') })).rcode).toBe('NOTIMP'); // NOTIFY
    expect((await raw({ questions: [{ name: 'www.example.com', type: 'A' }, { name: 'www.example.com', type: 'AAAA' }] })).rcode).toBe('FORMERR');
    expect((await raw(question('www.example.com', 'A', 'CH'))).rcode).toBe('REFUSED');
    expect((await raw(question('example.com', 'AXFR'))).rcode).toBe('REFUSED');
  });

  test('EDNS: an OPT gets one back and lifts the UDP limit to at most 1232 bytes; without room, TC and an empty answer', async () => {
    const dns = await start();
    const opt = (udpPayloadSize: number) => ({ additionals: [{ type: 'OPT' as const, name: '.', udpPayloadSize, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }] });
    const big = await udpQuery(dns, { ...question('www.example.com', 'AAAA'), ...opt(4096) });
    expect([big.flag_tc, big.answers?.length, big.additionals?.map((a) => [a.type, (a as packet.OptAnswer).udpPayloadSize])]).toEqual([false, 20, [['OPT', 1232]]]);
    const small = await udpQuery(dns, { ...question('www.example.com', 'AAAA'), ...opt(512) });
    expect([small.flag_tc, small.answers]).toEqual([true, []]);
    const plain = await udpQuery(dns, question('www.example.com', 'AAAA'));
    expect([plain.flag_tc, plain.answers, plain.additionals]).toEqual([true, [], []]);
  });

  test('TCP (RFC 7766): several queries on one connection, answered in order, nothing truncated', async () => {
    const dns = await start();
    const { replies, closedByServer } = await tcpQueries(dns, [
      tcpMessage('www.example.com', 'A', 1), tcpMessage('www.example.com', 'AAAA', 2), tcpMessage('nope.example.com', 'A', 3),
    ]);
    expect(closedByServer).toBe(false);
    expect(replies.map((r) => [r.id, (r as DecodedReply).rcode, r.answers?.length, (r as packet.DecodedPacket).flag_tc]))
      .toEqual([[1, 'NOERROR', 1, false], [2, 'NOERROR', 20, false], [3, 'NXDOMAIN', 0, false]]);
  });

  test('messages without a query header: UDP ones are dropped, a TCP one closes its connection; the server answers on', async () => {
    const dns = await start();
    for (const junk of [Buffer.alloc(0), Buffer.from('not dns'), Buffer.from([0, 1, 0, 0, 0, 5])]) {
      expect(await udpExchange(dns, junk, 300)).toBeUndefined();
    }
    // A response sent to the server is not answered either.
    expect(await udpExchange(dns, packet.encode({ type: 'response', id: 3, ...question('www.example.com', 'A') }), 300)).toBeUndefined();
    const exchange = await tcpQueries(dns, [tcpMessage('www.example.com', 'A', 1), Buffer.from([0, 4, 1, 2, 3, 4]), tcpMessage('www.example.com', 'A', 2)]);
    expect([exchange.closedByServer, exchange.replies.map((r) => r.id)]).toEqual([true, [1]]);
    expect(await resolve(dns, 'www.example.com')).toEqual([{ address: '127.0.0.2', ttl: 30 }]);
    expect((await tcpQueries(dns, [tcpMessage('www.example.com', 'A', 5)])).replies[0].answers).toHaveLength(1);
  });

  test('values that are references to another stack are never answered (warned at start), unmapped: NODATA', async () => {
    const referenced = { ...model, records: model.records.map((r) => ({ ...r, values: [REFERENCE] })) };
    const { logger, records } = captureLogger();
    const dns = await h.dns({ models: [referenced], endpoints: {}, logger });
    expect(records.filter((r) => r.level === 40).map((r) => r.msg)).toEqual([
      expect.stringMatching(/no local mapping/),
      expect.stringMatching(/no IPv4 address/),
      expect.stringMatching(/no IPv6 address/),
    ]);
    expect(await resolve(dns, 'www.example.com')).toBe('ENODATA');
    expect(await resolve(dns, 'www.example.com', 'AAAA')).toBe('ENODATA');
  });
});
