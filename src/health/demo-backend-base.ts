/** What every demo backend is started with. */
export interface DemoBackendBaseOptions {
  /** Answered with every response, so a client sees which backend served it. */
  readonly name: string;
  /** @default 0 (an ephemeral port) */
  readonly port?: number;
  /** @default 127.0.0.1 */
  readonly host?: string;
}

/** Where a started demo backend listens. */
export interface DemoBackendAddress {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** `host:port`, as `--target` takes it. */
  readonly address: string;
}

export function demoBackendAddress(name: string, host: string, port: number): DemoBackendAddress {
  return { name, host, port, address: `${host}:${port}` };
}

/** A client address as a backend learns it (the socket's peer, or the PROXY header's source). */
export interface ClientAddress {
  readonly address: string;
  readonly port: number;
}

/** A TCP or UDP demo backend: the transports differ, what a test asks of them does not. */
export interface L4DemoBackend extends DemoBackendAddress {
  /** Connections accepted (TCP) or distinct senders seen (UDP) so far. */
  readonly connections: number;
  /** The client of each connection or flow, in order (from the PROXY header with `proxyProtocol`). */
  readonly sources: readonly ClientAddress[];
  /** Stops listening: new connections or datagrams are refused (health checks fail). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}
