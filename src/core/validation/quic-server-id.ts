/** A QUIC server ID as AWS takes it: "0x" and 16 lowercase hexadecimal characters (8 bytes). */
export const QUIC_SERVER_ID_PATTERN = /^0x[0-9a-f]{16}$/;
/** True when `value` is a QUIC server ID AWS accepts. */
export function isQuicServerId(value: string): boolean { return QUIC_SERVER_ID_PATTERN.test(value); }
