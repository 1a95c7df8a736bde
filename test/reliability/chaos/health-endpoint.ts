import * as https from 'https';
import { AddressInfo, Socket } from 'net';
import { testTls } from '../../proxy/http/harness';

/**
 * A regional endpoint as Route 53's HTTPS health check sees it: /health answers 200 on its own
 * loopback address (127.0.0.2, 127.0.0.3, …). It can be killed (every connection reset, the port
 * closed) and restarted on the same port.
 */
export class HealthEndpoint {
  public checks = 0;
  private server: https.Server | undefined;
  private readonly sockets = new Set<Socket>();

  public constructor(public readonly host: string, public port = 0) {}

  public get address(): string {
    return `${this.host}:${this.port}`;
  }

  public async start(): Promise<this> {
    const server = https.createServer(testTls().defaultContext, (req, res) => {
      this.checks++;
      res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'text/plain' });
      res.end('OK');
    });
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => { server.off('error', reject); resolve(); });
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  public async kill(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.resetAndDestroy();
    if (server) await new Promise((r) => server.close(r));
  }

  public async restart(): Promise<void> {
    await this.start();
  }

  public close(): Promise<void> {
    return this.kill();
  }
}
