import { createServer } from 'net';

/** A port free right now on 127.0.0.1: HAProxy binds fixed ports (a config file has no port 0). */
export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
