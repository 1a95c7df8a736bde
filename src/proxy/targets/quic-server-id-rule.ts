import { Endpoint, endpointId } from './endpoint';
import { isQuicProtocol } from '../../core/model/quic';
import { isQuicServerId } from '../../core/validation/quic-server-id';

/** The expected form, for error messages. */
export const QUIC_TARGET_FORMAT = 'host:port/0x<16 lowercase hex digits>, e.g. 127.0.0.1:4433/0x0123456789abcdef';

/**
 * Why `endpoint` cannot be a target of a `protocol` target group beside `others`, or undefined:
 * a QUIC or TCP_QUIC target needs a well-formed server ID unique in its group (one group per
 * listener); any other target has none (AWS refuses a server ID there).
 */
export function quicServerIdProblem(protocol: string, endpoint: Endpoint, others: Iterable<Endpoint>): string | undefined {
  const id = endpoint.quicServerId;
  if (!isQuicProtocol(protocol)) {
    return id === undefined ? undefined : `${endpointId(endpoint)}/${id}: a QUIC server ID is only for QUIC and TCP_QUIC target groups (this one is ${protocol}); give host:port`;
  }
  if (id === undefined) return `${endpointId(endpoint)}: a ${protocol} target needs its QUIC server ID (${QUIC_TARGET_FORMAT})`;
  if (!isQuicServerId(id)) return `${endpointId(endpoint)}/${id}: not a QUIC server ID (${QUIC_TARGET_FORMAT})`;
  for (const other of others) {
    if (endpointId(other) === endpointId(endpoint) && other.quicServerId !== id) {
      return `${endpointId(endpoint)}/${id}: ${endpointId(endpoint)} is already a target with server ID ${other.quicServerId}; one target has one server ID`;
    }
    if (other.quicServerId === id && endpointId(other) !== endpointId(endpoint)) {
      return `${endpointId(endpoint)}/${id}: server ID ${id} is already ${endpointId(other)}'s; each target of a listener needs its own (${QUIC_TARGET_FORMAT})`;
    }
  }
  return undefined;
}
