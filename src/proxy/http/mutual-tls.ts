import { X509Certificate } from 'crypto';
import { IncomingMessage } from 'http';
import type { Server } from 'net';
import { DetailedPeerCertificate, TLSSocket, TlsOptions } from 'tls';
import { MutualAuthenticationModel, RequestHeaderNamesModel } from '../../core/model/load-balancer-model';
import { ClientCertificateFields, clientCertificateFields, certificatePem, urlEncodedPem } from '../tls/client-certificate';
import { TrustAnchors, verifyClientChain } from '../tls/client-verification';
import { LocalTrustStore, trustAnchors } from '../tls/trust-store';

/** AWS's names of the mutual TLS request headers (lower case, as the proxy sends headers). */
export const MTLS_HEADERS = {
  mtlsClientcert: 'x-amzn-mtls-clientcert',
  mtlsClientcertSerialNumber: 'x-amzn-mtls-clientcert-serial-number',
  mtlsClientcertIssuer: 'x-amzn-mtls-clientcert-issuer',
  mtlsClientcertSubject: 'x-amzn-mtls-clientcert-subject',
  mtlsClientcertValidity: 'x-amzn-mtls-clientcert-validity',
  mtlsClientcertLeaf: 'x-amzn-mtls-clientcert-leaf',
} as const;

type MtlsHeaderKey = keyof typeof MTLS_HEADERS;

/**
 * The reason the connection log gives a verify-mode connection whose client sent no certificate:
 * AWS's reason table has no code of its own for it, and there is nothing to trust.
 */
export const NO_CLIENT_CERTIFICATE = 'ClientCertUntrusted';

/** A listener's mutual TLS as the proxy runs it. */
export interface MutualTlsListener {
  readonly mode: 'verify' | 'passthrough';
  /** Verify mode: the trust store's certificates and revocation lists. */
  readonly anchors?: TrustAnchors;
  /** Verify mode: PEM of the CA bundle, sent as acceptable CA names when the listener advertises them. */
  readonly caBundlePem?: string;
  readonly ignoreExpiry: boolean;
  readonly advertiseCaNames: boolean;
  /** Each mTLS header's name on this listener (AWS's, or the listener's rename), lower case. */
  readonly headerNames: Readonly<Record<MtlsHeaderKey, string>>;
}

/** What the handshake decided about a connection's client certificate. */
export interface ClientCertOutcome {
  /** The leaf certificate's fields (for the connection log), when the client sent one. */
  readonly fields?: ClientCertificateFields;
  /** The connection-log reason code when the connection is refused. */
  readonly failure?: string;
  /** The mTLS request headers for every request of the connection (AWS's or renamed names). */
  readonly headers: Readonly<Record<string, string>>;
}

/** An outcome with the handshake's protocol and cipher, read before a refused connection is closed (a closed TLS socket cannot tell them). */
export interface RecordedOutcome extends ClientCertOutcome {
  readonly tlsProtocol?: string;
  readonly tlsCipher?: string;
}

/** The outcome rides on the TLS socket: an HTTP/2 request reaches it only through a proxy object forwarding property reads. */
const OUTCOME = Symbol('lbkit.clientCertOutcome');

/** A listener's mutual TLS from its model and its trust store (needed in verify mode). */
export function mutualTlsListener(model: MutualAuthenticationModel, names: RequestHeaderNamesModel | undefined,
  store: LocalTrustStore | undefined, port: number): MutualTlsListener {
  const headerNames = Object.fromEntries(Object.entries(MTLS_HEADERS)
    .map(([key, name]) => [key, (names?.[key as MtlsHeaderKey] ?? name).toLowerCase()])) as Record<MtlsHeaderKey, string>;
  if (model.mode === 'passthrough') return { mode: 'passthrough', ignoreExpiry: false, advertiseCaNames: false, headerNames };
  if (!store) throw new Error(`listener ${port}: mutual TLS verify needs the trust store's CA bundle`);
  return {
    mode: 'verify',
    anchors: trustAnchors(store),
    caBundlePem: store.caBundlePem,
    ignoreExpiry: model.ignoreClientCertificateExpiry,
    advertiseCaNames: model.advertiseTrustStoreCaNames,
    headerNames,
  };
}

/**
 * The TLS server options of a mutual TLS listener: ask every client for a certificate, never let
 * OpenSSL refuse it (the proxy decides, see {@link checkClientCertificates}), and list the trust
 * store's CA names in the CertificateRequest only when the listener advertises them (Node sends the
 * `ca` option's subjects).
 */
export function mutualTlsServerOptions(m: MutualTlsListener): TlsOptions {
  return { requestCert: true, rejectUnauthorized: false, ...(m.advertiseCaNames && m.caBundlePem ? { ca: m.caBundlePem } : {}) };
}

/** The certificates the client sent, leaf first, in issuing order (Node links them by issuer). */
function peerChain(socket: TLSSocket): X509Certificate[] {
  const leaf = socket.getPeerCertificate(true) as DetailedPeerCertificate | undefined;
  if (!leaf || !leaf.raw) return [];
  const out: X509Certificate[] = [];
  const seen = new Set<object>();
  for (let c: DetailedPeerCertificate | undefined = leaf; c && c.raw && !seen.has(c); c = c.issuerCertificate) {
    seen.add(c);
    out.push(new X509Certificate(c.raw));
  }
  return out;
}

/** Decides a connection's client certificate for a listener: refused (verify mode) or the headers its requests carry. */
export function clientCertOutcome(socket: TLSSocket, m: MutualTlsListener): ClientCertOutcome {
  const chain = peerChain(socket);
  const leaf = chain[0];
  const fields = leaf ? clientCertificateFields(leaf) : undefined;
  if (m.mode === 'passthrough') {
    return { fields, headers: leaf ? { [m.headerNames.mtlsClientcert]: urlEncodedPem(chain.map((c) => certificatePem(c.raw)).join('')) } : {} };
  }
  if (!leaf) return { failure: NO_CLIENT_CERTIFICATE, headers: {} };
  const failure = verifyClientChain(chain, m.anchors!, { ignoreExpiry: m.ignoreExpiry });
  if (failure) return { fields, failure, headers: {} };
  const n = m.headerNames;
  return {
    fields,
    headers: {
      [n.mtlsClientcertSerialNumber]: fields!.serialNumber,
      [n.mtlsClientcertIssuer]: fields!.issuer,
      [n.mtlsClientcertSubject]: fields!.subject,
      [n.mtlsClientcertValidity]: fields!.validity,
      [n.mtlsClientcertLeaf]: urlEncodedPem(certificatePem(leaf.raw)),
    },
  };
}

/**
 * Checks each connection's client certificate as its handshake ends, before the HTTP server sees
 * the connection: a refused one (verify mode) is closed at once, so no request is ever read from it.
 * TLS 1.3 clients finish their side of the handshake before the server has read their certificate,
 * as with AWS: they see the connection closed on their first read.
 */
export function checkClientCertificates(server: Server, m: MutualTlsListener): void {
  server.prependListener('secureConnection', (socket: TLSSocket) => {
    const outcome: RecordedOutcome = {
      ...clientCertOutcome(socket, m),
      tlsProtocol: socket.getProtocol() ?? undefined,
      tlsCipher: socket.getCipher()?.name,
    };
    (socket as unknown as Record<symbol, RecordedOutcome>)[OUTCOME] = outcome;
    if (outcome.failure) {
      // Read once now, so Node keeps them for the connection log after the close.
      void [socket.remoteAddress, socket.remotePort, socket.localAddress];
      socket.destroy();
    }
  });
}

/** The outcome {@link checkClientCertificates} recorded for a TLS socket (or a proxy of one), if any. */
export function recordedOutcome(socket: unknown): RecordedOutcome | undefined {
  try {
    return (socket as Record<symbol, RecordedOutcome | undefined> | undefined)?.[OUTCOME];
  } catch {
    return undefined; // a closed HTTP/2 session's socket throws on reads
  }
}

/**
 * The mTLS request headers for a request to the target: the connection's own, and every other
 * mTLS header name of the listener mapped to undefined, so what a client sent under those names
 * is removed, never passed on.
 */
export function mutualTlsHeaders(m: MutualTlsListener, req: IncomingMessage): Record<string, string | undefined> {
  const session = (req as { stream?: { session?: { socket?: unknown } } }).stream?.session;
  const outcome = recordedOutcome(session ? session.socket : req.socket);
  const out: Record<string, string | undefined> = {};
  for (const name of new Set([...Object.values(MTLS_HEADERS), ...Object.values(m.headerNames)])) out[name] = undefined;
  return { ...out, ...outcome?.headers };
}
