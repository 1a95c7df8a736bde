import { IncomingMessage, ServerResponse } from 'http';
import { Socket } from 'net';
import { Endpoint } from '../proxy/targets/endpoint';

/** An HTTP handler that stands in for an application load balancer's targets (it also answers the health check). */
export type HttpTargetHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A TCP connection handler that stands in for a network load balancer's targets (TCP and TLS groups). */
export interface TcpTargetHandler {
  readonly tcp: (socket: Socket) => void;
}

/**
 * One target: `host:port` (or a bare port on 127.0.0.1), an endpoint, or a handler the kit
 * serves on a free local port.
 */
export type TargetSpec = string | number | Endpoint | HttpTargetHandler | TcpTargetHandler;

/** Route (target group) name → its targets. */
export type TargetSpecs = Readonly<Record<string, TargetSpec | readonly TargetSpec[]>>;

export function isTcpHandler(spec: TargetSpec): spec is TcpTargetHandler {
  return typeof spec === 'object' && spec !== null && typeof (spec as TcpTargetHandler).tcp === 'function';
}
