import { CliError } from './cli-error';
import { TrustStoreInput } from '../proxy/tls/trust-store-files';

/** `--trust-store 443=ca.pem`: the listener's own; a bare file: every mutual TLS verify listener's. */
const FOR_LISTENER = /^(\d{1,5})=(.+)$/;

/** `--trust-store` and `--revocation-list` values by listener port (`*` for every verify listener). */
export function trustStoreFlags(caBundles: readonly string[], revocationLists: readonly string[]): Record<string, TrustStoreInput> {
  const out: Record<string, { caBundle?: string; revocationLists?: string[] }> = {};
  const split = (value: string, flag: string): [string, string] => {
    const m = FOR_LISTENER.exec(value);
    const [key, file] = m ? [m[1], m[2]] : ['*', value];
    if (file.trim() === '') throw new CliError(`${flag}: expected [<listener>=]<file.pem>, received '${value}'`);
    return [key, file];
  };
  for (const value of caBundles) {
    const [key, file] = split(value, '--trust-store');
    if (out[key]?.caBundle !== undefined) {
      throw new CliError(`--trust-store: two CA bundles for ${key === '*' ? 'every verify listener' : `listener ${key}`} ('${out[key].caBundle}', '${file}'); put the CAs in one PEM file`);
    }
    (out[key] ??= {}).caBundle = file;
  }
  for (const value of revocationLists) {
    const [key, file] = split(value, '--revocation-list');
    ((out[key] ??= {}).revocationLists ??= []).push(file);
  }
  return out;
}

export const TRUST_STORE_FLAGS = {
  caBundle: (port?: number) => (port === undefined ? '--trust-store <ca-bundle.pem>' : `--trust-store ${port}=<ca-bundle.pem>`),
  revocationList: (port?: number) => (port === undefined ? '--revocation-list <crl.pem>' : `--revocation-list ${port}=<crl.pem>`),
};
