import { QUIC_SERVER_ID_PATTERN } from '../limits';

/** True when `value` is a QUIC server ID AWS accepts ({@link QUIC_SERVER_ID_PATTERN}). */
export function isQuicServerId(value: string): boolean { return QUIC_SERVER_ID_PATTERN.test(value); }
