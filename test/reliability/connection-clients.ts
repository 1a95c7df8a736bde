import * as http2 from 'http2';
import * as net from 'net';
import * as tls from 'tls';

/**
 * Clients that hold a connection open from a chosen loopback address (Linux routes all of
 * 127.0.0.0/8 to the loopback, so 127.0.0.2 and 127.0.0.3 are other client IPs to the proxy).
 */
export interface HeldConnection {
  /** 'open': the proxy holds it (and answered a request on it, for HTTPS); 'refused': reset or closed at once. */
  readonly outcome: 'open' | 'refused';
  close(): void;
}

/** How long a connection may take to be answered or reset (ms): TLS handshakes queue on a loaded 2-core machine. */
const REFUSAL_WAIT_MS = 5000;

/** The one-time outcome of a connection attempt: refused ones are closed; a refusal is assumed when nothing is decided in time. */
function settler(close: () => void, resolve: (held: HeldConnection) => void): (outcome: HeldConnection['outcome']) => void {
  let settled = false;
  const finish = (outcome: HeldConnection['outcome']) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (outcome === 'refused') close();
    resolve({ outcome, close });
  };
  const timer = setTimeout(() => finish('refused'), REFUSAL_WAIT_MS);
  return finish;
}

/** A TCP connection to the proxy's loopback port from `localAddress` (TLS goes over it). */
const fromAddress = (port: number, localAddress: string) => net.connect({ host: '127.0.0.1', port, localAddress });

const GET = (path: string) => `GET ${path} HTTP/1.1\r\nHost: api.example.com\r\n\r\n`;

/**
 * An HTTP/1.1 keep-alive connection over TLS from `localAddress`: open once a request on it is
 * answered 200 (the connection stays open), refused when reset or closed before that.
 */
export function heldHttps(port: number, localAddress: string): Promise<HeldConnection> {
  return new Promise((resolve) => {
    const socket = tls.connect({ socket: fromAddress(port, localAddress), rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
    let text = '';
    const finish = settler(() => socket.destroy(), resolve);
    socket.once('secureConnect', () => socket.write(GET('/api/held')));
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (/^HTTP\/1\.1 200 /.test(text) && text.includes('\r\n\r\n')) finish('open');
    });
    socket.on('error', () => finish('refused'));
    socket.on('close', () => finish('refused'));
  });
}

/** An HTTP/2 session from `localAddress`: open once a request on it is answered 200, refused otherwise. */
export function heldHttp2(port: number, localAddress: string): Promise<HeldConnection> {
  return new Promise((resolve) => {
    const session = http2.connect(`https://api.example.com:${port}`, {
      createConnection: () => tls.connect({ socket: fromAddress(port, localAddress), servername: 'api.example.com', rejectUnauthorized: false, ALPNProtocols: ['h2'] }),
    });
    const finish = settler(() => session.destroy(), resolve);
    session.on('error', () => finish('refused'));
    session.on('close', () => finish('refused'));
    const req = session.request({ ':path': '/api/held-h2' });
    req.on('error', () => finish('refused'));
    req.on('response', (headers) => finish(headers[':status'] === 200 ? 'open' : 'refused'));
    req.resume();
  });
}

/**
 * A TCP connection from `localAddress` to an NLB listener whose target echoes lines: open once
 * a line comes back through the proxy, refused when reset or closed before that.
 */
export function heldTcp(port: number, localAddress: string): Promise<HeldConnection> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress });
    const finish = settler(() => socket.destroy(), resolve);
    socket.once('connect', () => socket.write('ping\n'));
    socket.on('data', () => finish('open'));
    socket.on('error', () => finish('refused'));
    socket.on('close', () => finish('refused'));
  });
}
