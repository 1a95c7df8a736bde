/**
 * The floor for a Node proxy: plain `http` (or `https`) in front of undici `Pool`s driven by
 * `dispatch`, round robin, the forwarding headers an ALB adds, hop-by-hop headers dropped. No
 * rules, metrics or logs: what any Node proxy pays. `node-floor.js <port> <host:port,...> [<pem>]`
 * (a PEM with certificate and key: HTTPS). Prints `listening <port>`.
 */
import { readFileSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import { Pool } from 'undici';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection']);
const [port, upstreams, pem] = process.argv.slice(2);
const pools = upstreams.split(',').map((u) => new Pool(`http://${u}`, { connections: 128, pipelining: 1 }));
const proto = pem ? 'https' : 'http';
let next = 0;

function onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  const xff = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = xff ? `${xff}, ${req.socket.remoteAddress}` : req.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = proto;
  headers['x-forwarded-port'] = String(req.socket.localPort);
  next = (next + 1) % pools.length;
  let resume: (() => void) | undefined;
  pools[next].dispatch({ path: req.url ?? '/', method: req.method ?? 'GET', headers, body: req.method === 'GET' || req.method === 'HEAD' ? null : req }, {
    onConnect() {},
    onHeaders(status: number, raw: Buffer[], resumeTarget: () => void) {
      resume = resumeTarget;
      const out: string[] = [];
      for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i].toString('latin1').toLowerCase();
        if (!HOP_BY_HOP.has(name)) out.push(name, raw[i + 1].toString('latin1'));
      }
      res.writeHead(status, out);
      return true;
    },
    onData(chunk: Buffer) {
      if (res.write(chunk)) return true;
      res.once('drain', () => resume?.()); // the client is slow: pause the target until it drains
      return false;
    },
    onComplete() { res.end(); },
    onError() { if (res.headersSent) res.destroy(); else res.writeHead(502).end(); },
  });
}

const server = pem ? https.createServer({ key: readFileSync(pem), cert: readFileSync(pem) }, onRequest) : http.createServer(onRequest);
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => process.exit(0));
