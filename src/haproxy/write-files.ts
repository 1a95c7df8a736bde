import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { HaproxyConfig } from './compile';

/** The name of the config in its directory (`lbkit export haproxy --out`, the plane's temporary directory). */
export const HAPROXY_CONFIG_FILE = 'haproxy.cfg';

/** Writes haproxy.cfg and its files into `out` (created if needed); returns the config's path. */
export function writeHaproxyFiles(out: string, compiled: HaproxyConfig): string {
  for (const [path, content] of Object.entries(compiled.files)) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    // Certificates hold private keys: owner-only.
    writeFileSync(target, content, { mode: path.startsWith('certs/') ? 0o600 : 0o644 });
  }
  const config = join(out, HAPROXY_CONFIG_FILE);
  mkdirSync(out, { recursive: true });
  writeFileSync(config, compiled.config);
  return config;
}
