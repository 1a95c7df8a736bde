import * as packet from 'dns-packet';
import * as fc from 'fast-check';
import { tcpSend, UdpProber } from './dns-wire-client';
import { fuzzSeed } from './seed';
import { DnsRoutingModel } from '../../../src/core/model/dns-routing-model';
import { DnsServerHandle, startDnsServer } from '../../../src/proxy/dns';
import { EDNS_PAYLOAD_MAX, UDP_PAYLOAD_MAX } from '../../../src/proxy/dns/emulation-constants';
import { captureLogger, resolve, tcpMessage, tcpQueries } from '../../proxy/dns/support';
import { pick, report } from '../support';

const FUZZ_SEED = fuzzSeed('dns-wire.test.ts');

/**
 * Fuzzed DNS wire input to the in-process server, over UDP and TCP: well-formed queries with
 * random opcodes, question counts, classes, types and EDNS options; the same mutated (bytes
 * flipped, cut, extended, counts made huge, compression pointers that loop or point ahead);
 * and random bytes. The server never stops, answers every message with a readable header
 * (RFC 1035 §4.1.1: NOTIMP for opcodes other than QUERY, FORMERR for what it cannot read or
 * not exactly one question, REFUSED for other classes and zone transfers), drops what has no
 * query header (under 12 bytes, or a response), logs no handler error, and answers a good
 * query correctly after each batch.
 */
const UDP_RUNS = pick(2400, 60_000);
const TCP_RUNS = pick(300, 3000);
const BATCHES = pick(3, 10);
/** Datagrams sent back to back per property run: one round trip for many cases, well inside a socket's receive buffer. */
const UDP_BURST = { minLength: 20, maxLength: 20 };

const RCODE = { NOERROR: 0, FORMERR: 1, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
const HEADER_BYTES = 12;
const QR_BIT = 0x80; // of byte 2
const ENDPOINT = '127.0.0.2';

const model: DnsRoutingModel = {
  kind: 'dns',
  recordName: 'www.example.com',
  routingPolicy: 'weighted',
  healthChecks: [],
  records: [
    { setIdentifier: 'blue', type: 'A', values: ['192.0.2.10'], ttlSeconds: 30, weight: 1 },
    { setIdentifier: 'blue', type: 'AAAA', values: ['2001:db8::1', '2001:db8::2'], ttlSeconds: 30, weight: 1 },
  ],
};

const NAMES = ['www.example.com', 'WWW.Example.COM', 'example.com', 'nope.example.com', 'a.b.www.example.com', 'api.other.org', '.', ''];
const TYPES = ['A', 'AAAA', 'SOA', 'NS', 'TXT', 'MX', 'CAA', 'ANY', 'AXFR', 'IXFR', 'PTR', 'SRV'] as const;
const CLASSES = ['IN', 'IN', 'IN', 'CH', 'HS', 'ANY'] as const;

interface QuerySpec {
  readonly id: number;
  readonly opcode: number;
  /** AA TC RD RA Z AD CD and RCODE bits of a query, all free. */
  readonly lowFlags: number;
  readonly questions: { name: string; type: string; class: string }[];
  readonly ednsPayload: number | null;
  readonly ednsOptions: { code: number; data: Uint8Array }[];
}

const questionOf = (name: fc.Arbitrary<string>) => fc.record({ name, type: fc.constantFrom(...TYPES), class: fc.constantFrom(...CLASSES) });

const querySpec: fc.Arbitrary<QuerySpec> = fc.record({
  id: fc.integer({ min: 0, max: 0xffff }),
  opcode: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 15 }), weight: 1 }),
  lowFlags: fc.integer({ min: 0, max: 0x7ff }),
  questions: fc.oneof(
    { arbitrary: fc.tuple(questionOf(fc.oneof(fc.constantFrom(...NAMES), fc.domain()))).map((q) => [...q]), weight: 5 },
    { arbitrary: fc.array(questionOf(fc.constantFrom(...NAMES)), { maxLength: 3 }), weight: 1 },
  ),
  ednsPayload: fc.option(fc.integer({ min: 0, max: 0xffff })),
  // Option codes from the local/experimental range (RFC 6891 §9): dns-packet writes their data as given.
  ednsOptions: fc.array(fc.record({ code: fc.integer({ min: 65001, max: 65534 }), data: fc.uint8Array({ maxLength: 40 }) }), { maxLength: 3 }),
});

function encodeQuery(q: QuerySpec): Buffer {
  const opt: packet.OptAnswer[] = q.ednsPayload === null ? [] : [{
    type: 'OPT',
    name: '.',
    udpPayloadSize: q.ednsPayload,
    extendedRcode: 0,
    ednsVersion: 0,
    flags: 0,
    flag_do: false,
    options: q.ednsOptions.map((o) => ({ code: o.code, data: Buffer.from(o.data) })) as packet.PacketOpt[],
  }];
  return packet.encode({
    type: 'query',
    id: q.id,
    flags: q.opcode * 2048 + q.lowFlags,
    questions: q.questions as packet.Question[],
    additionals: opt,
  });
}

/** Byte-level damage to a message. */
type Mutation = (m: Buffer) => Buffer;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, value]): Mutation => (m) => {
    const out = Buffer.from(m);
    if (out.length) out[at % out.length] = value;
    return out;
  }),
  fc.nat().map((at): Mutation => (m) => m.subarray(0, at % (m.length + 1))),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((tail): Mutation => (m) => Buffer.concat([m, tail])),
  // A count field (QD, AN, NS, AR) made huge or random.
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.oneof(fc.constant(0xffff), fc.integer({ min: 0, max: 0xffff }))).map(([field, n]): Mutation => (m) => {
    const out = Buffer.from(m);
    if (out.length >= HEADER_BYTES) out.writeUInt16BE(n, 4 + 2 * field);
    return out;
  }),
  // A compression pointer to itself, or ahead of itself, where the question name starts.
  fc.integer({ min: 0, max: 0x3fff }).map((target): Mutation => (m) => {
    const out = Buffer.from(m.length >= HEADER_BYTES + 2 ? m : Buffer.concat([m, Buffer.alloc(HEADER_BYTES + 2 - m.length)]));
    out.writeUInt16BE(0xc000 + (target % 2 === 0 ? HEADER_BYTES : target), HEADER_BYTES);
    return out;
  }),
  fc.integer({ min: 0, max: 15 }).map((opcode): Mutation => (m) => {
    const out = Buffer.from(m);
    if (out.length > 2) out[2] = out[2] - (Math.floor(out[2] / 8) % 16) * 8 + opcode * 8; // bits 6–3
    return out;
  }),
);

const mutatedQuery = fc.tuple(querySpec, fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([q, ms]) => ms.reduce((m, f) => f(m), encodeQuery(q)));
const randomBytes = fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b));

/** The response code an authoritative server for example.com owes a readable single-question QUERY. */
function zoneRcode(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n === 'www.example.com' || n === 'example.com') return RCODE.NOERROR;
  return n.endsWith('.example.com') ? RCODE.NXDOMAIN : RCODE.REFUSED;
}

/** What a well-formed query must get back, exactly. */
function expectedRcode(q: QuerySpec): number {
  if (q.opcode !== 0) return RCODE.NOTIMP;
  if (q.questions.length !== 1) return RCODE.FORMERR;
  const [question] = q.questions;
  if (question.class !== 'IN' || question.type === 'AXFR' || question.type === 'IXFR') return RCODE.REFUSED;
  return zoneRcode(question.name);
}

/** The header fields, by arithmetic on bytes 2 (QR, OPCODE ×8, AA, TC, RD) and 3 (RA, Z, AD, CD, RCODE). */
const header = (m: Buffer) => ({
  id: m.readUInt16BE(0), qr: m[2] >= QR_BIT, opcode: Math.floor(m[2] / 8) % 16, rd: m[2] % 2, qdcount: m.readUInt16BE(4), rcode: m[3] % 16,
});

const canDecode = (m: Buffer) => {
  try {
    packet.decode(m);
    return true;
  } catch {
    return false;
  }
};

/*
 * The checks return what is wrong (empty: nothing), and each property run makes one assertion:
 * jest's expect costs about 0.1 ms a call, more than a DNS exchange on loopback.
 */

/**
 * What is wrong with the replies to any message: none are owed to what has no query header; else
 * exactly one, a response echoing ID, opcode and RD, readable by dns-packet, with an rcode among
 * `allowed` (by default the ones RFC 1035 allows given the header alone).
 */
function repliesProblems(message: Buffer, replies: Buffer[], transport: 'udp' | 'tcp', allowed?: readonly number[]): string[] {
  if (message.length < HEADER_BYTES || message[2] >= QR_BIT) return replies.length ? [`${replies.length} replies to a message without a query header`] : [];
  if (replies.length !== 1) return [`${replies.length} replies, not 1`];
  const [reply] = replies;
  if (reply.length < HEADER_BYTES || !canDecode(reply)) return ['an unreadable reply'];
  const asked = header(message);
  const got = header(reply);
  const problems: string[] = [];
  if (got.id !== asked.id || !got.qr || got.opcode !== asked.opcode || got.rd !== asked.rd) {
    problems.push(`header ${JSON.stringify(got)} for ${JSON.stringify(asked)}`);
  }
  const byHeader = asked.opcode !== 0 ? [RCODE.NOTIMP]
    : asked.qdcount !== 1 ? [RCODE.FORMERR]
      : [RCODE.FORMERR, RCODE.NOERROR, RCODE.NXDOMAIN, RCODE.REFUSED];
  if (!(allowed ?? byHeader).includes(got.rcode)) problems.push(`rcode ${got.rcode}, expected one of ${allowed ?? byHeader}`);
  if (transport === 'udp' && reply.length > EDNS_PAYLOAD_MAX) problems.push(`a ${reply.length}-byte UDP reply`);
  return problems;
}

/** What is wrong with a well-formed query's reply: its exact rcode, the question back, the endpoint for www A, the UDP size limit. */
function wellFormedProblems(q: QuerySpec, replies: Buffer[], transport: 'udp' | 'tcp'): string[] {
  const message = encodeQuery(q);
  const problems = repliesProblems(message, replies, transport, [expectedRcode(q)]);
  if (problems.length) return problems;
  const reply = packet.decode(replies[0]);
  const names = (p: packet.DecodedPacket) => JSON.stringify(p.questions?.map((x) => x.name.toLowerCase()));
  if (q.opcode === 0 && q.questions.length === 1 && names(reply) !== names(packet.decode(message))) problems.push(`question ${names(reply)} back`);
  const [first] = q.questions;
  if (expectedRcode(q) === RCODE.NOERROR && first.type === 'A' && first.name.toLowerCase().startsWith('www') && !reply.flag_tc) {
    const answers = JSON.stringify(reply.answers?.map((a) => (a as packet.StringAnswer).data));
    if (answers !== JSON.stringify([ENDPOINT])) problems.push(`answers ${answers}`);
  }
  const opts = reply.additionals?.filter((a) => a.type === 'OPT') ?? [];
  if (opts.length !== (q.ednsPayload === null ? 0 : 1)) problems.push(`${opts.length} OPT records back`);
  const limit = q.ednsPayload === null ? UDP_PAYLOAD_MAX : Math.min(EDNS_PAYLOAD_MAX, Math.max(UDP_PAYLOAD_MAX, q.ednsPayload));
  if (transport === 'udp' && replies[0].length > limit) problems.push(`a ${replies[0].length}-byte UDP reply over the ${limit}-byte limit`);
  return problems;
}

const tcpFrame = (m: Buffer) => {
  const framed = Buffer.alloc(2 + m.length);
  framed.writeUInt16BE(m.length, 0);
  m.copy(framed, 2);
  return framed;
};

describe('fuzzed DNS wire input to the in-process server', () => {
  let dns: DnsServerHandle;
  let udp: UdpProber;
  const { logger, records } = captureLogger();
  beforeAll(async () => {
    dns = await startDnsServer({ models: [model], endpoints: { blue: { host: ENDPOINT, port: 8443 } }, logger });
    udp = new UdpProber(dns.host, dns.port);
  });
  afterAll(async () => {
    await udp?.close();
    await dns?.close();
  });

  /** After each batch: the server answers a good query over UDP (a real resolver) and TCP, and logged no handler error. */
  async function stillAnswers(): Promise<void> {
    expect(await resolve(dns, 'www.example.com')).toEqual([{ address: ENDPOINT, ttl: 30 }]);
    const tcp = await tcpQueries(dns, [tcpMessage('www.example.com', 'A', 77)]);
    expect(tcp.replies.map((r) => [r.id, r.answers?.map((a) => (a as packet.StringAnswer).data)])).toEqual([[77, [ENDPOINT]]]);
    expect(records.filter((r) => r.level >= 50).map((r) => `${r.msg}: ${r.err?.message}`)).toEqual([]);
  }

  test(`UDP: ${UDP_RUNS} datagrams in ${BATCHES} batches (well-formed, mutated, random bytes), each answered as RFC 1035 asks or dropped`, async () => {
    const started = Date.now();
    const counts = { wellFormed: 0, mutated: 0, random: 0, dropped: 0 };
    const runs = Math.ceil(UDP_RUNS / BATCHES / 3 / UDP_BURST.maxLength);
    for (let batch = 0; batch < BATCHES; batch++) {
      const seed = FUZZ_SEED + batch;
      await fc.assert(fc.asyncProperty(fc.array(querySpec, UDP_BURST), async (qs) => {
        counts.wellFormed += qs.length;
        const replies = await udp.exchange(qs.map(encodeQuery));
        expect(qs.flatMap((q, i) => wellFormedProblems(q, replies[i], 'udp').map((p) => `${encodeQuery(q).toString('hex')}: ${p}`))).toEqual([]);
      }), { seed, numRuns: runs });
      for (const [kind, arbitrary] of [['mutated', mutatedQuery], ['random', randomBytes]] as const) {
        await fc.assert(fc.asyncProperty(fc.array(arbitrary, UDP_BURST), async (ms) => {
          counts[kind] += ms.length;
          const replies = await udp.exchange(ms);
          counts.dropped += replies.filter((r) => r.length === 0).length;
          expect(ms.flatMap((m, i) => repliesProblems(m, replies[i], 'udp').map((p) => `${m.toString('hex')}: ${p}`))).toEqual([]);
        }), { seed, numRuns: runs });
      }
      await stillAnswers();
    }
    report(`dns wire UDP: ${counts.wellFormed} well-formed, ${counts.mutated} mutated, ${counts.random} random datagrams `
      + `(${counts.dropped} dropped: no query header) in ${Date.now() - started} ms; a good query answered after each of ${BATCHES} batches`);
  });

  test(`TCP: ${TCP_RUNS} connections with length-prefixed messages (well-formed, mutated, random, wrong lengths), each answered or closed`, async () => {
    const started = Date.now();
    const counts = { framed: 0, wrongLength: 0 };
    const runs = Math.ceil(TCP_RUNS / BATCHES / 2);
    for (let batch = 0; batch < BATCHES; batch++) {
      const seed = FUZZ_SEED + batch;
      // Framed right: the same answers as over UDP, untruncated.
      await fc.assert(fc.asyncProperty(fc.oneof(querySpec.map(encodeQuery), mutatedQuery, randomBytes), async (m) => {
        counts.framed++;
        const outcome = await tcpSend(dns.host, dns.port, tcpFrame(m));
        expect([outcome.leftover, ...repliesProblems(m, outcome.replies, 'tcp')]).toEqual([0]);
      }), { seed, numRuns: runs });
      // A length that is not the message's: whatever the server makes of the bytes, each reply is a whole, readable response.
      await fc.assert(fc.asyncProperty(querySpec, fc.integer({ min: 0, max: 0xffff }), fc.uint8Array({ maxLength: 40 }), async (q, length, tail) => {
        counts.wrongLength++;
        const m = encodeQuery(q);
        const bytes = Buffer.concat([Buffer.from([Math.floor(length / 256), length % 256]), m, tail]);
        const outcome = await tcpSend(dns.host, dns.port, bytes);
        const unreadable = outcome.replies.filter((reply) => reply.length < HEADER_BYTES || !header(reply).qr || !canDecode(reply));
        expect([outcome.leftover, unreadable.length]).toEqual([0, 0]);
      }), { seed, numRuns: runs });
      await stillAnswers();
    }
    report(`dns wire TCP: ${counts.framed} framed messages, ${counts.wrongLength} with a wrong length, one connection each, in ${Date.now() - started} ms`);
  });
});
