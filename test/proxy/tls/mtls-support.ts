import { X509Certificate } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Agent, request } from 'undici';
import { ListenerModel, LoadBalancerModel, MutualAuthenticationModel, RequestHeaderNamesModel } from '../../../src/core/model/load-balancer-model';
import { ProxyHandle } from '../../../src/proxy/server';
import { certificatePem } from '../../../src/proxy/tls/client-certificate';
import { LocalCa } from '../../../src/proxy/tls/local-ca';

/** Two local CAs in a temporary directory: `trusted` makes the trust store's bundle, `other` untrusted clients. */
export function clientCas(): { trusted: LocalCa; other: LocalCa; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-mtls-test-'));
  return {
    trusted: LocalCa.loadOrCreate(join(dir, 'trusted')),
    other: LocalCa.loadOrCreate(join(dir, 'other')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The model with mutual TLS (and header renames) on its HTTPS listener: for tests that build mTLS by hand. */
export function withMutualTls(model: LoadBalancerModel, mutualAuthentication: MutualAuthenticationModel,
  requestHeaderNames?: RequestHeaderNamesModel): LoadBalancerModel {
  return {
    ...model,
    listeners: model.listeners.map((l): ListenerModel => (l.protocol !== 'HTTPS' ? l : {
      ...l,
      mutualAuthentication,
      ...(requestHeaderNames ? { headers: { serverHeader: true, ...l.headers, requestHeaderNames } } : {}),
    })),
  };
}

export const VERIFY_S3: Extract<MutualAuthenticationModel, { mode: 'verify' }> = {
  mode: 'verify',
  trustStore: { caBundle: { kind: 's3', bucket: 'trust', key: 'ca.pem' }, revocationLists: [] },
  ignoreClientCertificateExpiry: false,
  advertiseTrustStoreCaNames: false,
};

export interface ClientCall {
  readonly status?: number;
  readonly seen?: { headers: Record<string, string> };
  /** The error when the connection was refused. */
  readonly error?: Error;
}

/** One GET /api/x to the HTTPS listener with an optional client certificate (and its extra chain). */
export async function callWithCertificate(handle: ProxyHandle, client?: { certPem: string; keyPem: string },
  headers: Record<string, string> = {}): Promise<ClientCall> {
  const port = handle.listeners.find((l) => l.port === 443)!.localPort;
  const agent = new Agent({ connect: { rejectUnauthorized: false, ...(client ? { cert: client.certPem, key: client.keyPem } : {}) } });
  try {
    const r = await request(`https://127.0.0.1:${port}/api/x`, { dispatcher: agent, headers: { host: 'api.example.com', ...headers } });
    const text = await r.body.text();
    return { status: r.statusCode, seen: r.statusCode === 200 ? JSON.parse(text) : undefined };
  } catch (error) {
    return { error: error as Error };
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}

/** The PEM AWS URL-encodes: the certificate's DER, base64 in 64 columns, `\n` line ends. */
export function canonicalPem(pem: string): string {
  return certificatePem(new X509Certificate(pem).raw);
}
