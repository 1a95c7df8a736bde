import * as tls from 'tls';

/** What a TLS client got from a listener: the negotiated version and cipher, or the handshake's failure. */
export type Handshake = { ok: true; protocol: string | null; cipher: string } | { ok: false; error: string };

/**
 * One TLS handshake with 127.0.0.1:`port` (certificate unverified: only the negotiation is under test),
 * then the connection is closed. The cipher is OpenSSL's name (TLS 1.3 suites by their IANA names). `ciphers` carries TLS 1.2 names and TLS 1.3 suites, as Node takes them.
 */
export function handshake(port: number, options: Pick<tls.ConnectionOptions, 'ciphers' | 'minVersion' | 'maxVersion' | 'servername'>): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, servername: 'localhost', ...options }, () => {
      resolve({ ok: true, protocol: socket.getProtocol(), cipher: socket.getCipher().name });
      socket.destroy();
    });
    socket.setTimeout(5000, () => {
      resolve({ ok: false, error: 'timeout' });
      socket.destroy();
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      resolve({ ok: false, error: e.code ?? e.message });
      socket.destroy();
    });
  });
}
