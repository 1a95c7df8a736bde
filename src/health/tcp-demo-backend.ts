import { AddressInfo, createServer, Server, Socket } from 'net';
import { ClientAddress, DemoBackendBaseOptions, demoBackendAddress, L4DemoBackend } from './demo-backend-base';
import { readProxyV2 } from '../proxy/tcp/proxy-protocol';

/** `name` is prefixed to every answer. */
export interface TcpDemoBackendOptions extends DemoBackendBaseOptions {
  /**
   * Expect a PROXY protocol v2 header on every connection (a target group with proxy protocol v2
   * on): the client address comes from it; LOCAL headers (health checks) are counted apart.
   * @default false
   */
  readonly proxyProtocol?: boolean;
}

/**
 * Its `connections` count health checks too; `sources` holds the client of each connection that
 * sent data or a PROXY header; `down()` leaves open connections going on.
 */
export interface TcpDemoBackend extends L4DemoBackend {
  /** Connections that opened with a PROXY LOCAL header (the load balancer's health checks). */
  readonly healthChecks: number;
}

/**
 * A small TCP backend for L4 demos and tests: answers each line it receives with
 * `<name> <line>`. With `proxyProtocol` it reads the PROXY v2 header first and records the client
 * address the header names.
 */
export async function startTcpDemoBackend(options: TcpDemoBackendOptions): Promise<TcpDemoBackend> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const sources: ClientAddress[] = [];
  let connections = 0;
  let healthChecks = 0;
  let listening = false;

  /** Answers lines; the client is the PROXY header's source when given, else the socket's peer at its first data. */
  const serve = (socket: Socket, source?: ClientAddress) => {
    let pending = '';
    let recorded = source !== undefined;
    if (source) sources.push(source);
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      if (!recorded) {
        recorded = true;
        sources.push({ address: socket.remoteAddress ?? '', port: socket.remotePort ?? 0 });
      }
      pending += text;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline).replace(/\r$/, '');
        pending = pending.slice(newline + 1);
        socket.write(`${options.name} ${line}\n`);
        newline = pending.indexOf('\n');
      }
    });
  };

  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (!options.proxyProtocol) {
      serve(socket);
      return;
    }
    readProxyV2(socket).then((header) => {
      if (header.command === 'LOCAL') {
        healthChecks++;
        socket.end();
        return;
      }
      serve(socket, header.source ?? { address: socket.remoteAddress ?? '', port: socket.remotePort ?? 0 });
      socket.resume();
    }, () => socket.destroy());
  });

  let port = options.port ?? 0;
  const listen = () => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      listening = true;
      port = (server.address() as AddressInfo).port;
      resolve();
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    if (!listening) return resolve();
    listening = false;
    server.close(() => resolve());
  });
  await listen();

  return {
    ...demoBackendAddress(options.name, host, port),
    get connections() { return connections; },
    get sources() { return sources; },
    get healthChecks() { return healthChecks; },
    down: stop,
    up: () => (listening ? Promise.resolve() : listen()),
    close: async () => {
      const stopped = stop();
      for (const s of sockets) s.destroy();
      await stopped;
    },
  };
}
