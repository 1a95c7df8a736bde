/* eslint-disable no-bitwise -- header bits */

/**
 * Where the server ID sits in a Destination Connection ID. AWS does not document the position it
 * reads; this follows the plaintext layout of the QUIC-LB draft (draft-ietf-quic-load-balancers):
 * byte 0 is the config rotation / length octet, the next 8 bytes are the server ID.
 */
export const SERVER_ID_OFFSET_IN_DCID = 1;
/** AWS's QUIC server IDs are 8 bytes. */
export const SERVER_ID_LENGTH = 8;
/** The DCID bytes a load balancer needs: the length octet and the server ID. */
const ROUTING_DCID_LENGTH = SERVER_ID_OFFSET_IN_DCID + SERVER_ID_LENGTH;

/** RFC 9000 §17.2: first bit set = long header (Initial, 0-RTT, Handshake, Retry). */
const LONG_HEADER_BIT = 0x80;
/** Long header: byte 0, version (4 bytes), then the DCID length octet. */
const LONG_DCID_LENGTH_OFFSET = 5;
/** Short header (§17.3): byte 0, then the DCID (its length is not on the wire). */
const SHORT_DCID_OFFSET = 1;

/**
 * The server ID a QUIC datagram's Destination Connection ID carries, as AWS writes server IDs
 * ("0x" and 16 lowercase hex characters); undefined when the datagram is too short or its DCID
 * too short to carry one, or it is a Version Negotiation packet (version 0, sent by servers).
 * Any bytes are accepted: what is not QUIC is simply routed as a UDP flow's datagram.
 */
export function quicServerIdOf(datagram: Buffer): string | undefined {
  if (datagram.length === 0) return undefined;
  let dcid: number;
  if (datagram[0] & LONG_HEADER_BIT) {
    if (datagram.length <= LONG_DCID_LENGTH_OFFSET) return undefined;
    if (datagram.readUInt32BE(1) === 0) return undefined;
    const length = datagram[LONG_DCID_LENGTH_OFFSET];
    dcid = LONG_DCID_LENGTH_OFFSET + 1;
    if (length < ROUTING_DCID_LENGTH || datagram.length < dcid + length) return undefined;
  } else {
    dcid = SHORT_DCID_OFFSET;
    if (datagram.length < dcid + ROUTING_DCID_LENGTH) return undefined;
  }
  const start = dcid + SERVER_ID_OFFSET_IN_DCID;
  return `0x${datagram.subarray(start, start + SERVER_ID_LENGTH).toString('hex')}`;
}
