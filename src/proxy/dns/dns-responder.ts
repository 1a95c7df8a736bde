import * as packet from 'dns-packet';
import { DnsZones } from './dns-zones';
import { EDNS_PAYLOAD_MAX, UDP_PAYLOAD_MAX } from './emulation-constants';

const RCODES = { NOERROR: 0, FORMERR: 1, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
type Rcode = keyof typeof RCODES;
const OPCODE_QUERY = 0;
/** ID, flags and the four counts (RFC 1035 §4.1.1): what a message needs to be answered at all. */
const HEADER_BYTES = 12;
/** Byte 2 of the header, read by arithmetic: QR (128), OPCODE (four bits, units of 8), AA, TC, RD (1). */
const QR_BIT = 0x80;
const OPCODE_UNIT = 8;

/**
 * The reply to a message with a query header that cannot be read further (RFC 1035 §4.1.1): NOTIMP
 * for an opcode other than QUERY, else FORMERR; the ID, opcode and RD echoed, no sections (there is
 * no question to copy back). A message without a query header (shorter, or a response) is dropped.
 */
function replyToUnreadable(message: Buffer): Buffer | undefined {
  if (message.length < HEADER_BYTES || message[2] >= QR_BIT) return undefined;
  const opcode = Math.floor(message[2] / OPCODE_UNIT) % 16;
  const reply = Buffer.alloc(HEADER_BYTES);
  message.copy(reply, 0, 0, 2);
  reply[2] = QR_BIT + opcode * OPCODE_UNIT + (message[2] % 2);
  reply[3] = opcode === OPCODE_QUERY ? RCODES.FORMERR : RCODES.NOTIMP;
  return reply;
}

/**
 * One DNS message in, the reply out (RFC 1035), or undefined when the message has no query
 * header (UDP: dropped; TCP: the connection is closed):
 * - a query header whose message cannot be decoded → FORMERR (NOTIMP for other opcodes);
 * - opcode other than QUERY → NOTIMP; not exactly one question → FORMERR; a class other
 *   than IN → REFUSED; zone transfers (AXFR, IXFR) → REFUSED;
 * - otherwise the zones' answer, AA set where authoritative, RD copied, RA clear (no recursion);
 * - EDNS (RFC 6891): an OPT in the query gets one back; a UDP reply larger than the client's
 *   payload size (512 without EDNS, at most 1232) first loses its authority and additional
 *   records when it has answers (RFC 2181 §9), else is sent empty with TC, for the client to
 *   retry over TCP (RFC 7766).
 */
export function respond(message: Buffer, transport: 'udp' | 'tcp', zones: DnsZones): Buffer | undefined {
  let query: packet.DecodedPacket;
  try {
    query = packet.decode(message);
  } catch {
    return replyToUnreadable(message);
  }
  if (query.type !== 'query') return undefined;
  // Header fields by arithmetic on the 16-bit flags word: QR(1) OPCODE(4) AA TC RD RA Z AD CD RCODE(4).
  const opcode = Math.floor((query.flags ?? 0) / 2048) % 16;
  const questions = query.questions ?? [];
  const opt = query.additionals?.find((a): a is packet.OptAnswer => a.type === 'OPT');

  const reply = (rcode: Rcode, authoritative: boolean,
    answers: packet.Answer[] = [], authorities: packet.Answer[] = [], additionals: packet.Answer[] = []): Buffer => {
    const base = {
      type: 'response' as const,
      id: query.id,
      flags: opcode * 2048 + (query.flag_rd ? packet.RECURSION_DESIRED : 0) + (authoritative ? packet.AUTHORITATIVE_ANSWER : 0) + RCODES[rcode],
      questions,
    };
    const ednsOpt: packet.OptAnswer[] = opt
      ? [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_PAYLOAD_MAX, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }]
      : [];
    const full = packet.encode({ ...base, answers, authorities, additionals: [...additionals, ...ednsOpt] });
    if (transport === 'tcp') return full;
    const limit = opt ? Math.min(EDNS_PAYLOAD_MAX, Math.max(UDP_PAYLOAD_MAX, opt.udpPayloadSize)) : UDP_PAYLOAD_MAX;
    if (full.length <= limit) return full;
    // A positive answer's NS and glue records are extra information: left out rather than set TC (RFC 2181 §9).
    if (answers.length > 0) {
      const bare = packet.encode({ ...base, answers, authorities: [], additionals: ednsOpt });
      if (bare.length <= limit) return bare;
    }
    return packet.encode({ ...base, flags: base.flags + packet.TRUNCATED_RESPONSE, answers: [], authorities: [], additionals: ednsOpt });
  };

  if (opcode !== OPCODE_QUERY) return reply('NOTIMP', false);
  if (questions.length !== 1) return reply('FORMERR', false);
  const [question] = questions;
  if (question.class !== undefined && question.class !== 'IN') return reply('REFUSED', false);
  const qtype = String(question.type);
  if (qtype === 'AXFR' || qtype === 'IXFR') return reply('REFUSED', false);
  const resolution = zones.resolve(question.name, qtype);
  return reply(resolution.rcode, resolution.authoritative, resolution.answers, resolution.authorities, resolution.additionals);
}
