import { PassThrough } from 'stream';
import * as fc from 'fast-check';
import { L4Harness, lineClient, localPort, planesByEngine, readModel, removeLocalCa, until } from './harness';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { ipv6Bytes, ipv6Text } from '../../../src/proxy/tcp/ip-address-bytes';
import {
  decodeProxyV2, encodeProxyV2, encodeProxyV2Local, PROXY_V2_SIGNATURE, ProxyProtocolError, ProxyV2Header, readProxyV2,
} from '../../../src/proxy/tcp/proxy-protocol';
import { Engine, ENGINES } from '../../support/engines';
import { Plane } from '../../support/planes';

/** Behaviour 7: the PROXY protocol v2 encoder against bytes written out by hand from the spec, and the decoder. */
const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');
const SIGNATURE = '0D0A0D0A000D0A515549540A';

describe('encodeProxyV2', () => {
  test('TCP over IPv4: 0x21 PROXY, 0x11, length 12, addresses then ports, big-endian', () => {
    const header = encodeProxyV2('tcp', { address: '192.0.2.1', port: 56324 }, { address: '198.51.100.2', port: 443 });
    expect(header).toEqual(hex(`${SIGNATURE} 21 11 000C  C0000201 C6336402  DC04 01BB`));
  });

  test('UDP over IPv4: family 0x12', () => {
    const header = encodeProxyV2('udp', { address: '127.0.0.2', port: 5000 }, { address: '127.0.0.1', port: 7778 });
    expect(header).toEqual(hex(`${SIGNATURE} 21 12 000C  7F000002 7F000001  1388 1E62`));
  });

  test('TCP over IPv6: family 0x21, length 36; UDP over IPv6: 0x22', () => {
    const tcp = encodeProxyV2('tcp', { address: '2001:db8::1', port: 1 }, { address: '::1', port: 8884 });
    expect(tcp).toEqual(hex(`${SIGNATURE} 21 21 0024
      20010DB8000000000000000000000001 00000000000000000000000000000001 0001 22B4`));
    expect(encodeProxyV2('udp', { address: '::1', port: 1 }, { address: '::1', port: 2 })[13]).toBe(0x22);
  });

  test('IPv4-mapped IPv6 addresses (a dual-stack socket) are written as IPv4; a mixed pair as IPv6', () => {
    expect(encodeProxyV2('tcp', { address: '::ffff:127.0.0.2', port: 1 }, { address: '::ffff:127.0.0.1', port: 2 })[13]).toBe(0x11);
    const mixed = encodeProxyV2('tcp', { address: '127.0.0.2', port: 1 }, { address: '::1', port: 2 });
    expect(mixed[13]).toBe(0x21);
    expect(decodeProxyV2(mixed)!.header.source).toEqual({ address: '::ffff:7f00:2', port: 1 });
  });

  test('LOCAL (health checks): 0x20, family 0x00, length 0', () => {
    expect(encodeProxyV2Local()).toEqual(hex(`${SIGNATURE} 20 00 0000`));
  });
});

describe('decodeProxyV2', () => {
  test('reads what the encoder writes, and says how long the header was', () => {
    const header = encodeProxyV2('tcp', { address: '192.0.2.1', port: 56324 }, { address: '198.51.100.2', port: 443 });
    const decoded = decodeProxyV2(Buffer.concat([header, Buffer.from('GET /')]));
    expect(decoded).toEqual({
      length: 28,
      header: {
        command: 'PROXY',
        family: 'IPv4',
        transport: 'STREAM',
        source: { address: '192.0.2.1', port: 56324 },
        destination: { address: '198.51.100.2', port: 443 },
        tlvs: [],
      },
    });
    expect(decodeProxyV2(encodeProxyV2Local())).toEqual({ length: 16, header: { command: 'LOCAL', family: 'UNSPEC', transport: 'UNSPEC', tlvs: [] } });
  });

  test('TLVs after the addresses (AWS: 0xEA) are returned; a LOCAL header with addresses has them ignored', () => {
    const tlv = hex('EA 0005 0141424344');
    const base = encodeProxyV2('tcp', { address: '10.0.0.1', port: 1 }, { address: '10.0.0.2', port: 2 });
    const withTlv = Buffer.concat([base, tlv]);
    withTlv.writeUInt16BE(12 + tlv.length, 14);
    expect(decodeProxyV2(withTlv)!.header.tlvs).toEqual([{ type: 0xea, value: hex('0141424344') }]);
    const local = Buffer.from(base);
    local[12] = 0x20;
    expect(decodeProxyV2(local)!.header).toEqual({ command: 'LOCAL', family: 'IPv4', transport: 'STREAM', tlvs: [] });
  });

  test('undefined while bytes are missing; errors as soon as the bytes cannot be a v2 header', () => {
    const header = encodeProxyV2('udp', { address: '::1', port: 1 }, { address: '::1', port: 2 });
    for (const cut of [0, 5, 12, 15, 16, 51]) expect(decodeProxyV2(header.subarray(0, cut))).toBeUndefined();
    expect(() => decodeProxyV2(Buffer.from('GET / HTTP/1.1\r\n'))).toThrow(ProxyProtocolError);
    expect(() => decodeProxyV2(Buffer.from('PROXY TCP4 '))).toThrow('no PROXY protocol v2 signature');
    const badVersion = Buffer.from(header);
    badVersion[12] = 0x11;
    expect(() => decodeProxyV2(badVersion)).toThrow('version 1; expected 2');
    const badCommand = Buffer.from(header);
    badCommand[12] = 0x22;
    expect(() => decodeProxyV2(badCommand)).toThrow('unknown command 0x2');
    const short = Buffer.from(header.subarray(0, 16 + 12));
    short.writeUInt16BE(12, 14);
    expect(() => decodeProxyV2(short)).toThrow('IPv6 addresses need 36 bytes');
  });

  test('round trip over generated IPv4 and IPv6 endpoints and both transports', () => {
    const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => b.join('.'));
    const ipv6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 })
      .map((ws) => ipv6Text(Buffer.from(ws.flatMap((w) => [Math.floor(w / 256), w % 256]))));
    const port = fc.nat(65535);
    fc.assert(fc.property(fc.boolean(), fc.constantFrom('tcp' as const, 'udp' as const), ipv4, ipv4, ipv6, ipv6, port, port,
      (v6, transport, a4, b4, a6, b6, sp, dp) => {
        const [src, dst] = v6 ? [a6, b6] : [a4, b4];
        const decoded = decodeProxyV2(encodeProxyV2(transport, { address: src, port: sp }, { address: dst, port: dp }))!;
        expect(decoded.length).toBe(v6 ? 52 : 28);
        expect(decoded.header).toEqual({
          command: 'PROXY',
          family: v6 ? 'IPv6' : 'IPv4',
          transport: transport === 'tcp' ? 'STREAM' : 'DGRAM',
          source: { address: src, port: sp },
          destination: { address: dst, port: dp },
          tlvs: [],
        });
      }), { numRuns: 300 });
  });
});

describe('IPv6 text', () => {
  test('parses every RFC 4291 form and prints RFC 5952 (as Node prints addresses)', () => {
    expect(ipv6Bytes('::1')).toEqual(hex('00000000000000000000000000000001'));
    expect(ipv6Bytes('2001:DB8::8:800:200C:417A')).toEqual(hex('20010DB8000000000008080020 0C417A'));
    expect(ipv6Bytes('::ffff:192.0.2.128')).toEqual(hex('00000000000000000000FFFFC0000280'));
    expect(ipv6Bytes('fe80::1%lo')).toEqual(hex('FE800000000000000000000000000001'));
    expect(ipv6Text(hex('20010DB8000000000001000000000001'))).toBe('2001:db8::1:0:0:1');
    expect(ipv6Text(hex('20010DB8000100000000000000000000'))).toBe('2001:db8:1::');
    expect(ipv6Text(hex('00000000000000000000000000000000'))).toBe('::');
    expect(ipv6Text(hex('20010DB8000100010001000100010001'))).toBe('2001:db8:1:1:1:1:1:1');
    expect(() => ipv6Bytes('1.2.3.4')).toThrow('not an IPv6 address');
  });
});

describe('readProxyV2', () => {
  test('resolves once the header is complete, however it is split, and puts back the bytes after it', async () => {
    const stream = new PassThrough();
    const header = encodeProxyV2('tcp', { address: '127.0.0.2', port: 40000 }, { address: '127.0.0.1', port: 8884 });
    const reading = readProxyV2(stream);
    stream.write(header.subarray(0, 7));
    stream.write(header.subarray(7, 20));
    stream.write(Buffer.concat([header.subarray(20), Buffer.from('hello\n')]));
    const read = await reading;
    expect(read.source).toEqual({ address: '127.0.0.2', port: 40000 });
    expect(stream.read()?.toString()).toBe('hello\n');
  });

  test('rejects a stream that does not start with the signature, or ends before the header does', async () => {
    const plain = new PassThrough();
    const rejected = readProxyV2(plain);
    plain.write('hello\n');
    await expect(rejected).rejects.toThrow(ProxyProtocolError);
    const cut = new PassThrough();
    const ended = readProxyV2(cut);
    cut.end(PROXY_V2_SIGNATURE);
    await expect(ended).rejects.toThrow('stream ended after 12 bytes');
  });
});

/** Behaviour 7 on a running plane, over both engines' output: the header each plane writes, read by this decoder. */
describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const model = readModel(engine, { listeners: [{ name: 'pp', port: 7002, protocol: ListenerProtocol.TCP, proxyProtocolV2: true }] });
  const h = new L4Harness(plane);
  afterEach(() => h.close());
  afterAll(removeLocalCa);

  test('a flow opens with a PROXY header naming the client (IPv4, STREAM, its address and port); checks open with LOCAL', async () => {
    const headers: ProxyV2Header[] = [];
    const target = await h.server((s) => {
      readProxyV2(s).then((header) => {
        headers.push(header);
        if (header.command === 'LOCAL') s.end();
        else s.on('data', (d) => s.write(`pp ${d.toString()}`)).resume(); // readProxyV2 leaves the stream paused
      }, () => s.destroy());
    });
    const p = await h.proxy(model, { pp: [target.endpoint] });
    await until(() => headers.some((x) => x.command === 'LOCAL'), 'a LOCAL header from a check');
    const client = await lineClient(h, localPort(p, 7002), '127.0.0.9');
    expect(await client.ask('hi')).toBe('pp hi');
    // The HAProxy plane's start probes its first listener (a connection from 127.0.0.1): a flow with its own header too.
    const flow = headers.filter((x) => x.command === 'PROXY' && x.source?.address === '127.0.0.9');
    expect(flow).toHaveLength(1);
    const others = headers.filter((x) => x.command === 'PROXY' && x.source?.address !== '127.0.0.9');
    if (plane === 'node') expect(others).toEqual([]);
    else expect(others.every((x) => x.source?.address === '127.0.0.1')).toBe(true);
    expect(flow[0]).toMatchObject({ family: 'IPv4', transport: 'STREAM', source: { address: '127.0.0.9', port: client.socket.localPort } });
    expect(flow[0].destination!.address).toBe('127.0.0.1');
    expect(headers.filter((x) => x.command === 'LOCAL').every((x) => x.source === undefined)).toBe(true);
  });
});
