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

/** The restricted TLS 1.3-capable policy the listener tests set (ECDHE with AES-GCM only for TLS 1.2). */
export const RESTRICTED_TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';

/**
 * A listener under RESTRICTED_TLS_POLICY, on either plane: TLS 1.2 ciphers outside it fail the handshake, ones in it
 * succeed in the policy's order; TLS 1.3 likewise. A client preferring ChaCha20: the node plane keeps the policy's
 * order; HAProxy gives the client ChaCha20 (OpenSSL's ChaCha20 prioritisation; docs/haproxy-data-plane.md).
 */
export async function expectRestrictedPolicyHandshakes(port: number, plane: 'node' | 'haproxy', policyTls12Ciphers: readonly string[]): Promise<void> {
  const tls12 = { maxVersion: 'TLSv1.2' as const };
  // CBC and static-RSA ciphers OpenSSL offers by default, not in the restricted policy.
  for (const outside of ['ECDHE-RSA-AES128-SHA256', 'AES128-GCM-SHA256', 'AES256-GCM-SHA384']) {
    expect(await handshake(port, { ...tls12, ciphers: outside })).toMatchObject({ ok: false });
  }
  expect(await handshake(port, { ...tls12, ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' }))
    .toEqual({ ok: true, protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384' });
  // The policy's order wins over the client's.
  expect(await handshake(port, { ...tls12, ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256' }))
    .toEqual({ ok: true, protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' });
  const byDefault = await handshake(port, tls12);
  expect(byDefault.ok && policyTls12Ciphers).toContain(byDefault.ok && byDefault.cipher);
  expect(await handshake(port, { minVersion: 'TLSv1.3', ciphers: 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256' }))
    .toEqual({ ok: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' });
  expect(await handshake(port, { minVersion: 'TLSv1.3', ciphers: 'TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256' }))
    .toEqual({ ok: true, protocol: 'TLSv1.3', cipher: plane === 'node' ? 'TLS_AES_128_GCM_SHA256' : 'TLS_CHACHA20_POLY1305_SHA256' });
}
