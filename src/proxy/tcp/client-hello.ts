/**
 * What a TLS ClientHello offers by ALPN (RFC 8446 §4.1.2, RFC 7301 §3.1), read from the client's
 * first bytes before they reach TLS:
 * - `incomplete`: more bytes are needed;
 * - `invalid`: not a ClientHello (TLS itself will refuse it);
 * - otherwise the protocols offered, in the client's order, or undefined without an ALPN extension.
 */
export type ClientHelloAlpn = 'incomplete' | 'invalid' | { readonly protocols: readonly string[] | undefined };

const RECORD_HEADER = 5;
const CONTENT_TYPE_HANDSHAKE = 22;
const HANDSHAKE_HEADER = 4;
const HANDSHAKE_CLIENT_HELLO = 1;
const EXTENSION_ALPN = 16;

/**
 * Reads the ALPN list of the ClientHello that `bytes` begins with. A ClientHello may be split over
 * several handshake records (RFC 8446 §5.1): their fragments are joined until the message is whole.
 */
export function readClientHelloAlpn(bytes: Buffer): ClientHelloAlpn {
  const fragments: Buffer[] = [];
  let handshakeBytes = 0;
  let messageLength: number | undefined;
  for (let at = 0; messageLength === undefined || handshakeBytes < HANDSHAKE_HEADER + messageLength;) {
    if (bytes.length < at + RECORD_HEADER) return bytes.length > at && bytes[at] !== CONTENT_TYPE_HANDSHAKE ? 'invalid' : 'incomplete';
    if (bytes[at] !== CONTENT_TYPE_HANDSHAKE) return 'invalid';
    const length = bytes.readUInt16BE(at + 3);
    const fragment = bytes.subarray(at + RECORD_HEADER, at + RECORD_HEADER + length);
    fragments.push(fragment);
    handshakeBytes += fragment.length;
    if (fragment.length < length) return 'incomplete';
    at += RECORD_HEADER + length;
    if (messageLength === undefined && handshakeBytes >= HANDSHAKE_HEADER) {
      const head = Buffer.concat(fragments);
      if (head[0] !== HANDSHAKE_CLIENT_HELLO) return 'invalid';
      messageLength = head.readUIntBE(1, 3);
    }
  }
  const message = Buffer.concat(fragments).subarray(HANDSHAKE_HEADER, HANDSHAKE_HEADER + messageLength);
  try {
    return { protocols: alpnExtension(message) };
  } catch {
    return 'invalid'; // a length running past the message
  }
}

/** The ClientHello body's ALPN protocols; throws RangeError when a length runs past the body. */
function alpnExtension(body: Buffer): string[] | undefined {
  let at = 2 + 32; // legacy_version, random
  at += 1 + body.readUInt8(at); // legacy_session_id
  at += 2 + body.readUInt16BE(at); // cipher_suites
  at += 1 + body.readUInt8(at); // legacy_compression_methods
  if (at >= body.length) return undefined; // no extensions (a TLS 1.2-era hello may omit them)
  const end = at + 2 + body.readUInt16BE(at);
  at += 2;
  while (at < end) {
    const type = body.readUInt16BE(at);
    const length = body.readUInt16BE(at + 2);
    at += 4;
    if (type === EXTENSION_ALPN) return protocolNames(body.subarray(at, at + length));
    at += length;
  }
  return undefined;
}

/** ProtocolNameList: a 2-byte length, then names each behind a 1-byte length. */
function protocolNames(extension: Buffer): string[] {
  const names: string[] = [];
  const end = Math.min(extension.length, 2 + extension.readUInt16BE(0));
  for (let at = 2; at < end;) {
    const length = extension.readUInt8(at);
    if (at + 1 + length > end) throw new RangeError('protocol name past the list');
    names.push(extension.toString('latin1', at + 1, at + 1 + length));
    at += 1 + length;
  }
  return names;
}
