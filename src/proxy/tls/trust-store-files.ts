import { readFileSync } from 'fs';
import { LocalTrustStore } from './trust-store';
import { LoadBalancerModel, S3ObjectModel } from '../../core/model/load-balancer-model';

/** Local PEM text or files for one listener's trust store, given by the user (they replace what the model names). */
export interface TrustStoreInput {
  /** The CA bundle: a file path (CLI) or PEM text (testing kit). */
  readonly caBundle?: string;
  /** Revocation lists: file paths or PEM text. */
  readonly revocationLists?: readonly string[];
}

export interface ResolveTrustStoresOptions {
  /** Listener port → what the user gave for it; key `*`: every verify listener without its own. */
  readonly given: Readonly<Record<string, TrustStoreInput>>;
  /** The local copy of a file the construct uploaded, by its SHA-256 (beside the synthesized file), if found. */
  readonly findUploaded?: (sha256: string) => string | undefined;
  /** How the user gives a CA bundle and a revocation list for a listener (or for all: undefined), for messages. */
  readonly flags: { readonly caBundle: (port?: number) => string; readonly revocationList: (port?: number) => string };
  /** Makes the error thrown (CLI: exit status 2; testing kit: its error class). */
  readonly fail: (message: string) => Error;
}

export interface ResolvedTrustStores {
  /** Listener port → the trust store its verify mode checks against. */
  readonly stores: Record<number, LocalTrustStore>;
  /** Revocation lists the model names that the proxy cannot read and nobody gave: not checked (one line each). */
  readonly warnings: string[];
}

export function describeObject(o: S3ObjectModel): string {
  return o.kind === 's3' ? `s3://${o.bucket}/${o.key}${o.version ? ` (version ${o.version})` : ''}` : `the uploaded file with SHA-256 ${o.sha256}`;
}

/** PEM text as it is; anything else is a path to read. */
function pemOf(value: string, what: string, fail: (m: string) => Error): { pem: string; source: string } {
  if (value.includes('-----BEGIN ')) return { pem: value, source: `${what} (PEM text)` };
  try {
    return { pem: readFileSync(value, 'utf8'), source: value };
  } catch (e) {
    throw fail(`${what}: cannot read ${value} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * The trust store of each mutual TLS verify listener: the CA bundle the user gave for the listener
 * (or for every listener), else the uploaded file found beside the synthesized one; an S3 object
 * lbkit cannot read without the user's copy is an error naming the listener, the object and the flag.
 * Revocation lists likewise, except that one nobody can read is a warning (its certificates pass).
 */
export function resolveTrustStores(model: LoadBalancerModel, options: ResolveTrustStoresOptions): ResolvedTrustStores {
  const { given, findUploaded, flags, fail } = options;
  const stores: Record<number, LocalTrustStore> = {};
  const warnings: string[] = [];
  const verifyPorts = new Set<string>();
  for (const listener of model.listeners) {
    const mutual = listener.mutualAuthentication;
    if (listener.protocol !== 'HTTPS' || mutual?.mode !== 'verify') continue;
    const port = listener.port;
    verifyPorts.add(String(port));
    const mine = given[String(port)];
    const any = given['*'];
    const bundle = mutual.trustStore.caBundle;
    let ca: { pem: string; source: string };
    const caValue = mine?.caBundle ?? any?.caBundle;
    if (caValue !== undefined) {
      ca = pemOf(caValue, `${flags.caBundle(port)}`, fail);
    } else {
      const found = bundle.kind === 'uploaded' ? findUploaded?.(bundle.sha256) : undefined;
      if (!found) {
        const why = bundle.kind === 's3'
          ? `the CA bundle ${describeObject(bundle)}, which the local proxy cannot read`
          : `${describeObject(bundle)}, which is not beside the synthesized file (synthesize again?)`;
        throw fail(`listener ${port}: mutual TLS verify checks client certificates against ${why}: give a local copy with ${flags.caBundle(port)}`);
      }
      ca = pemOf(found, `listener ${port}: CA bundle`, fail);
    }
    const revocationLists: string[] = [];
    const crlValues = mine?.revocationLists ?? any?.revocationLists;
    if (crlValues !== undefined) {
      for (const v of crlValues) revocationLists.push(pemOf(v, flags.revocationList(port), fail).pem);
    } else {
      for (const list of mutual.trustStore.revocationLists) {
        const found = list.kind === 'uploaded' ? findUploaded?.(list.sha256) : undefined;
        if (found) revocationLists.push(pemOf(found, `listener ${port}: revocation list`, fail).pem);
        else warnings.push(`listener ${port}: revocation list ${describeObject(list)} is not checked (no local copy): give it with ${flags.revocationList(port)}`);
      }
    }
    stores[port] = { caBundlePem: ca.pem, revocationListPems: revocationLists, source: ca.source };
  }
  for (const key of Object.keys(given)) {
    if (key !== '*' && !verifyPorts.has(key)) {
      throw fail(`${flags.caBundle(Number(key))}: listener ${key} has no mutual TLS in verify mode (verify listeners: ${[...verifyPorts].join(', ') || 'none'})`);
    }
  }
  if (given['*'] && verifyPorts.size === 0) throw fail(`${flags.caBundle()}: no listener has mutual TLS in verify mode`);
  return { stores, warnings };
}
