import { SocketAddress } from 'net';
import { PassThrough } from 'stream';
import { isDeepStrictEqual } from 'util';
import * as fc from 'fast-check';
import { fuzzSeed } from './seed';
import {
  decodeProxyV2, encodeProxyV2, encodeProxyV2Local, PROXY_V2_SIGNATURE, ProxyProtocolError, ProxyV2Header, readProxyV2,
} from '../../../src/proxy/tcp/proxy-protocol';
import { pick, report } from '../support';

const FUZZ_SEED = fuzzSeed('proxy-protocol.test.ts');

/**
 * The PROXY protocol v2 decoder under random and mutated input: every buffer decodes to a
 * header, to "more bytes needed" (undefined) or to a ProxyProtocolError, never another
 * exception; encode → decode gives back what was encoded for every family and transport;
 * and the stream reader, fed the same bytes split at every offset, agrees with the decoder.
 */
const DECODE_RUNS = pick(20_000, 300_000);
const ROUND_TRIP_RUNS = pick(10_000, 100_000);
const STREAM_RUNS = pick(200, 3000);

/** Signature, version/command, family/transport, length. */
const FIXED_LENGTH = 16;

type Outcome = { header: ProxyV2Header; length: number } | 'more' | 'error';

/** The decoder's verdict; any exception other than ProxyProtocolError fails the property. */
function decodeOutcome(bytes: Buffer): Outcome {
  try {
    return decodeProxyV2(bytes) ?? 'more';
  } catch (e) {
    if (e instanceof ProxyProtocolError) return 'error';
    throw e;
  }
}

/** Plain objects (fc.record's have no prototype), to compare with the decoder's. */
const tlv = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 40 })).map(([type, v]) => ({ type, value: Buffer.from(v) }));
const tlvBytes = (tlvs: { type: number; value: Buffer }[]) => Buffer.concat(tlvs.map((t) => {
  const head = Buffer.alloc(3);
  head[0] = t.type;
  head.writeUInt16BE(t.value.length, 1);
  return Buffer.concat([head, t.value]);
}));

/** A header with TLVs appended (its length field grown to cover them). */
function withTlvs(header: Buffer, tlvs: { type: number; value: Buffer }[]): Buffer {
  const out = Buffer.concat([header, tlvBytes(tlvs)]);
  out.writeUInt16BE(out.length - FIXED_LENGTH, 14);
  return out;
}

const address = fc.oneof(fc.ipV4(), fc.ipV6());
const endpoint = fc.record({ address, port: fc.integer({ min: 0, max: 0xffff }) });
const validHeader = fc.oneof(
  fc.tuple(fc.constantFrom('tcp' as const, 'udp' as const), endpoint, endpoint, fc.array(tlv, { maxLength: 3 }))
    .map(([transport, s, d, tlvs]) => withTlvs(encodeProxyV2(transport, s, d), tlvs)),
  fc.array(tlv, { maxLength: 2 }).map((tlvs) => withTlvs(encodeProxyV2Local(), tlvs)),
);

/** Byte-level damage: a byte set, the buffer cut or extended, the length field or family byte changed. */
const mutation = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, v]) => (b: Buffer) => {
    const out = Buffer.from(b);
    if (out.length) out[at % out.length] = v;
    return out;
  }),
  fc.nat().map((at) => (b: Buffer) => b.subarray(0, at % (b.length + 1))),
  fc.uint8Array({ minLength: 1, maxLength: 32 }).map((tail) => (b: Buffer) => Buffer.concat([b, tail])),
  fc.integer({ min: 0, max: 0xffff }).map((n) => (b: Buffer) => {
    const out = Buffer.from(b);
    if (out.length >= FIXED_LENGTH) out.writeUInt16BE(n, 14);
    return out;
  }),
  fc.integer({ min: 0, max: 255 }).map((v) => (b: Buffer) => {
    const out = Buffer.from(b);
    if (out.length > 13) out[13] = v;
    return out;
  }),
);
const mutated = fc.tuple(validHeader, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([h, ms]) => ms.reduce((b, m) => m(b), h));
/** Random bytes, half of them behind the signature so they reach the decoder's later checks. */
const random = fc.tuple(fc.boolean(), fc.uint8Array({ maxLength: 300 }))
  .map(([signed, b]) => (signed ? Buffer.concat([PROXY_V2_SIGNATURE, b]) : Buffer.from(b)));
const anyInput = fc.oneof(validHeader, mutated, random);

/** Node's own text for an address (inet_pton then inet_ntop), to compare with the decoder's by value. */
const canonical = (a: string) => new SocketAddress({ address: a, family: a.includes(':') ? 'ipv6' : 'ipv4' }).address;
/** The IPv4-mapped IPv6 form, as an encoder must write an IPv4 address next to an IPv6 one. */
const asIPv6 = (a: string) => canonical(a.includes(':') ? a : `::ffff:${a}`);

/** What readProxyV2 makes of `bytes` in `chunks`: the header and the bytes left on the stream, or an error's class. */
async function streamOutcome(bytes: Buffer, cuts: number[]): Promise<{ header?: ProxyV2Header; rest?: string; error?: string }> {
  const stream = new PassThrough();
  const reading = readProxyV2(stream);
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > at) stream.write(bytes.subarray(at, cut));
    at = Math.max(at, cut);
  }
  stream.end();
  try {
    const header = await reading;
    const rest: Buffer[] = [];
    stream.on('data', (d: Buffer) => rest.push(d));
    const ended = new Promise((r) => stream.once('end', r));
    stream.resume(); // the reader leaves the stream paused with the bytes after the header put back
    await ended;
    return { header, rest: Buffer.concat(rest).toString('hex') };
  } catch (e) {
    return { error: e instanceof ProxyProtocolError ? 'ProxyProtocolError' : String(e) };
  }
}

/** What the stream reader must give for `bytes` whole, by the decoder. */
function expectedStreamOutcome(bytes: Buffer): { header?: ProxyV2Header; rest?: string; error?: string } {
  const outcome = decodeOutcome(bytes);
  if (outcome === 'more' || outcome === 'error') return { error: 'ProxyProtocolError' };
  return { header: outcome.header, rest: bytes.subarray(outcome.length).toString('hex') };
}

describe('the PROXY protocol v2 decoder, fuzzed', () => {
  test(`${DECODE_RUNS} random, mutated and valid buffers: a header, "more bytes" or ProxyProtocolError, never another exception`, () => {
    const started = Date.now();
    const seen = { header: 0, more: 0, error: 0 };
    fc.assert(fc.property(anyInput, (bytes) => {
      const outcome = decodeOutcome(bytes);
      if (outcome === 'more' || outcome === 'error') {
        seen[outcome]++;
        return true;
      }
      seen.header++;
      // A header is the bytes it claims: decoding just those gives it again, and every prefix asks for more.
      const again = decodeOutcome(bytes.subarray(0, outcome.length));
      return outcome.length <= bytes.length && typeof again === 'object' && fc.stringify(again.header) === fc.stringify(outcome.header)
        && decodeOutcome(bytes.subarray(0, outcome.length - 1)) === 'more';
    }), { seed: FUZZ_SEED, numRuns: DECODE_RUNS });
    report(`proxy protocol decode: ${DECODE_RUNS} buffers → ${seen.header} headers, ${seen.more} "more bytes", ${seen.error} ProxyProtocolError, in ${Date.now() - started} ms`);
  });

  test(`${ROUND_TRIP_RUNS} encode → decode round trips, every family and transport, TLVs kept`, () => {
    const started = Date.now();
    fc.assert(fc.property(fc.constantFrom('tcp' as const, 'udp' as const), endpoint, endpoint, fc.array(tlv, { maxLength: 3 }), (transport, s, d, tlvs) => {
      const bytes = withTlvs(encodeProxyV2(transport, s, d), tlvs);
      const decoded = decodeProxyV2(bytes);
      const v4 = !s.address.includes(':') && !d.address.includes(':');
      const text = v4 ? canonical : asIPv6;
      // isDeepStrictEqual, not expect: expect costs ~0.1 ms a call, more than the decode.
      return isDeepStrictEqual(decoded && {
        length: decoded.length,
        ...decoded.header,
        source: { ...decoded.header.source, address: text(decoded.header.source!.address) },
        destination: { ...decoded.header.destination, address: text(decoded.header.destination!.address) },
      }, {
        length: bytes.length,
        command: 'PROXY',
        family: v4 ? 'IPv4' : 'IPv6',
        transport: transport === 'tcp' ? 'STREAM' : 'DGRAM',
        source: { address: text(s.address), port: s.port },
        destination: { address: text(d.address), port: d.port },
        tlvs,
      });
    }), { seed: FUZZ_SEED, numRuns: ROUND_TRIP_RUNS });
    const local = decodeProxyV2(encodeProxyV2Local());
    expect(local).toEqual({ header: { command: 'LOCAL', family: 'UNSPEC', transport: 'UNSPEC', tlvs: [] }, length: FIXED_LENGTH });
    report(`proxy protocol round trip: ${ROUND_TRIP_RUNS} headers (IPv4, IPv6, mixed; STREAM, DGRAM; TLVs) in ${Date.now() - started} ms`);
  });

  test(`${STREAM_RUNS} inputs split at every offset, and in random chunks: the stream reader agrees with the decoder`, async () => {
    const started = Date.now();
    let streams = 0;
    const trailing = fc.uint8Array({ maxLength: 16 }).map((b) => Buffer.from(b));
    await fc.assert(fc.asyncProperty(anyInput, trailing, fc.array(fc.nat(), { maxLength: 6 }), async (input, tail, cutsAt) => {
      const bytes = Buffer.concat([input, tail]);
      const expected = expectedStreamOutcome(bytes);
      const splits = [...Array.from({ length: bytes.length + 1 }, (_, at) => [at]), cutsAt.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b)];
      const outcomes = await Promise.all(splits.map((cuts) => streamOutcome(bytes, cuts)));
      streams += outcomes.length;
      const differing = outcomes.map((o, i) => [splits[i], fc.stringify(o)] as const).filter(([, o]) => o !== fc.stringify(expected));
      expect(differing).toEqual([]);
    }), { seed: FUZZ_SEED, numRuns: STREAM_RUNS });
    report(`proxy protocol streaming: ${STREAM_RUNS} inputs, ${streams} streams (every split offset plus random chunkings) in ${Date.now() - started} ms`);
  });
});
