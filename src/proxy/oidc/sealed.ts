import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';

/** JSON encrypted and authenticated with AES-256-GCM: iv (12) | tag (16) | ciphertext, base64url. */
export function seal(key: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The value `seal` sealed with this key, or undefined when it was not (tampered, another process's, not base64url). */
export function unseal<T>(key: Buffer, text: string): T | undefined {
  try {
    const raw = Buffer.from(text, 'base64url');
    if (raw.length < 29) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}
