import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

/** File names that hold keys or certificates, and a PEM private key with a body. */
const KEY_FILE = /(\.(pem|key|p12|pfx|jks|keystore|crt|der|tfstate)$)|(^|\/)(\.lbkit|\.aws|\.ssh)(\/|$)|(^|\/)\.env$/;
const PRIVATE_KEY = /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----\s*[A-Za-z0-9+/=\r\n]{40,}/;

/** Files of an unpacked package that look like key material: by name, or by a private key inside. */
export function keyMaterial(unpacked: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      const rel = relative(unpacked, path);
      if (statSync(path).isDirectory()) {
        if (KEY_FILE.test(rel)) found.push(`${rel}/`);
        walk(path);
      } else if (KEY_FILE.test(rel) || PRIVATE_KEY.test(readFileSync(path, 'latin1'))) {
        found.push(rel);
      }
    }
  };
  walk(unpacked);
  return found;
}
