import { isIPv4 } from 'net';
import { Readable } from 'stream';
import { ipv4Bytes, ipv6Bytes, ipv6Text, unmapIPv4 } from './ip-address-bytes';

/**
 * The PROXY protocol version 2 (HAProxy's proxy-protocol.txt, section 2.2), as an NLB writes it
 * before the first client byte when a target group enables `proxy_protocol_v2.enabled`.
 */

/** The 12-byte signature every v2 header starts with. */
export const PROXY_V2_SIGNATURE: Buffer = Buffer.from([0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a]);

/** Signature, version/command, family/transport and the 2-byte length. */
const FIXED_LENGTH = 16;
/** The high nibble of byte 13 is the version, the low one the command; byte 14 is family (high) and transport (low). */
const VERSION_2 = 2;
const COMMAND_LOCAL = 0x0;
const COMMAND_PROXY = 0x1;
const FAMILY_NAMES = ['UNSPEC', 'IPv4', 'IPv6', 'UNIX'] as const;
const TRANSPORT_NAMES = ['UNSPEC', 'STREAM', 'DGRAM'] as const;
/** Address block lengths by family: none, 2 × 4 + 2 × 2, 2 × 16 + 2 × 2, 2 × 108. */
const ADDRESS_LENGTHS = [0, 12, 36, 216];

export type ProxyV2Family = typeof FAMILY_NAMES[number];
export type ProxyV2Transport = typeof TRANSPORT_NAMES[number];

export interface ProxyV2Endpoint {
  readonly address: string;
  readonly port: number;
}

/** A type-length-value extension after the addresses (AWS adds type 0xEA for PrivateLink). */
export interface ProxyV2Tlv {
  readonly type: number;
  readonly value: Buffer;
}

export interface ProxyV2Header {
  /** LOCAL: the proxy's own connection (a health check); the receiver uses the real endpoints. */
  readonly command: 'LOCAL' | 'PROXY';
  readonly family: ProxyV2Family;
  readonly transport: ProxyV2Transport;
  /** The client, for IPv4 and IPv6 PROXY headers. */
  readonly source?: ProxyV2Endpoint;
  /** The address and port the client connected to. */
  readonly destination?: ProxyV2Endpoint;
  readonly tlvs: readonly ProxyV2Tlv[];
}

const nibbles = (high: number, low: number) => high * 16 + low;
const split = (byte: number): [number, number] => [Math.floor(byte / 16), byte % 16];

/** A header that is not PROXY protocol v2, or is malformed. */
export class ProxyProtocolError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'ProxyProtocolError';
  }
}

/**
 * The PROXY header of a client connection (`tcp`) or datagram flow (`udp`): family IPv4 (0x11,
 * 0x12) when both addresses are IPv4, else IPv6 (0x21, 0x22) with IPv4 addresses mapped.
 */
export function encodeProxyV2(transport: 'tcp' | 'udp', source: ProxyV2Endpoint, destination: ProxyV2Endpoint): Buffer {
  const src = unmapIPv4(source.address);
  const dst = unmapIPv4(destination.address);
  const v4 = isIPv4(src) && isIPv4(dst);
  const bytesOf = (a: string) => (v4 ? ipv4Bytes(a) : ipv6Bytes(isIPv4(a) ? `::ffff:${a}` : a));
  const addresses = Buffer.alloc(v4 ? 12 : 36);
  const width = v4 ? 4 : 16;
  bytesOf(src).copy(addresses, 0);
  bytesOf(dst).copy(addresses, width);
  addresses.writeUInt16BE(source.port, 2 * width);
  addresses.writeUInt16BE(destination.port, 2 * width + 2);
  const head = Buffer.alloc(FIXED_LENGTH);
  PROXY_V2_SIGNATURE.copy(head, 0);
  head[12] = nibbles(VERSION_2, COMMAND_PROXY);
  head[13] = nibbles(v4 ? 1 : 2, transport === 'tcp' ? 1 : 2);
  head.writeUInt16BE(addresses.length, 14);
  return Buffer.concat([head, addresses]);
}

/** The LOCAL header (0x20, family 0x00, length 0) an NLB sends on its health-check connections. */
export function encodeProxyV2Local(): Buffer {
  const head = Buffer.alloc(FIXED_LENGTH);
  PROXY_V2_SIGNATURE.copy(head, 0);
  head[12] = nibbles(VERSION_2, COMMAND_LOCAL);
  return head;
}

/**
 * Reads a v2 header from the start of `buffer`: the header and its length in bytes, or undefined
 * when more bytes are needed. Throws {@link ProxyProtocolError} as soon as the bytes cannot be one.
 */
export function decodeProxyV2(buffer: Buffer): { header: ProxyV2Header; length: number } | undefined {
  const prefix = Math.min(buffer.length, PROXY_V2_SIGNATURE.length);
  if (buffer.subarray(0, prefix).compare(PROXY_V2_SIGNATURE, 0, prefix) !== 0) {
    throw new ProxyProtocolError('no PROXY protocol v2 signature');
  }
  if (buffer.length < FIXED_LENGTH) return undefined;
  const [version, commandBits] = split(buffer[12]);
  if (version !== VERSION_2) throw new ProxyProtocolError(`version ${version}; expected 2`);
  if (commandBits !== COMMAND_LOCAL && commandBits !== COMMAND_PROXY) throw new ProxyProtocolError(`unknown command 0x${commandBits.toString(16)}`);
  const [familyBits, transportBits] = split(buffer[13]);
  if (familyBits >= FAMILY_NAMES.length || transportBits >= TRANSPORT_NAMES.length) {
    throw new ProxyProtocolError(`unknown family/transport 0x${buffer[13].toString(16).padStart(2, '0')}`);
  }
  const length = FIXED_LENGTH + buffer.readUInt16BE(14);
  if (buffer.length < length) return undefined;
  const body = buffer.subarray(FIXED_LENGTH, length);
  const command = commandBits === COMMAND_LOCAL ? 'LOCAL' : 'PROXY';
  const family = FAMILY_NAMES[familyBits];
  const transport = TRANSPORT_NAMES[transportBits];
  const addressLength = ADDRESS_LENGTHS[familyBits];
  if (body.length < addressLength) throw new ProxyProtocolError(`${family} addresses need ${addressLength} bytes, the header has ${body.length}`);
  let endpoints: { source?: ProxyV2Endpoint; destination?: ProxyV2Endpoint } = {};
  if (family === 'IPv4' || family === 'IPv6') {
    const width = family === 'IPv4' ? 4 : 16;
    const text = (at: number) => (family === 'IPv4' ? [...body.subarray(at, at + 4)].join('.') : ipv6Text(body.subarray(at, at + 16)));
    endpoints = {
      source: { address: text(0), port: body.readUInt16BE(2 * width) },
      destination: { address: text(width), port: body.readUInt16BE(2 * width + 2) },
    };
  }
  const tlvs = readTlvs(body.subarray(addressLength));
  return { header: { command, family, transport, ...(command === 'PROXY' ? endpoints : {}), tlvs }, length };
}

function readTlvs(bytes: Buffer): ProxyV2Tlv[] {
  const tlvs: ProxyV2Tlv[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 3 > bytes.length) throw new ProxyProtocolError('truncated TLV');
    const size = bytes.readUInt16BE(at + 1);
    if (at + 3 + size > bytes.length) throw new ProxyProtocolError('truncated TLV value');
    tlvs.push({ type: bytes[at], value: Buffer.from(bytes.subarray(at + 3, at + 3 + size)) });
    at += 3 + size;
  }
  return tlvs;
}

/**
 * Reads the v2 header off the start of a stream (a target's accepted socket). Resolves with the
 * header once it is complete, leaving the stream paused with any bytes after the header put back
 * (`resume()` or `pipe()` it to read on); rejects on anything that is not a v2 header, or when
 * the stream ends first.
 */
export function readProxyV2(stream: Readable): Promise<ProxyV2Header> {
  return new Promise((resolve, reject) => {
    let buffered: Buffer = Buffer.alloc(0);
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      let decoded: ReturnType<typeof decodeProxyV2>;
      try {
        decoded = decodeProxyV2(buffered);
      } catch (e) {
        cleanup();
        stream.pause();
        reject(e);
        return;
      }
      if (!decoded) return;
      cleanup();
      stream.pause();
      if (buffered.length > decoded.length) stream.unshift(buffered.subarray(decoded.length));
      resolve(decoded.header);
    };
    const onEnd = () => {
      cleanup();
      reject(new ProxyProtocolError(`stream ended after ${buffered.length} bytes, before a complete PROXY header`));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}
