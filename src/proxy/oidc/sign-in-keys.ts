import { KeyObject, randomBytes, randomUUID } from 'crypto';
import { p256KeyPair } from '../crypto/own-key-pair';

/** An ES256 (P-256) key pair with its key id. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public key as PEM (SPKI): what AWS publishes at `https://public-keys.auth.elb.<region>.amazonaws.com/<kid>`. */
  readonly publicPem: string;
}

export function signingKey(): SigningKey {
  const { privateKey, publicKey } = p256KeyPair();
  return { kid: randomUUID(), privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/**
 * The load balancer's own secrets for sign-in, made once per process (kept across reloads):
 * the key that signs x-amzn-oidc-data and the AES-256-GCM key that encrypts the session
 * cookies and the `state` of the redirect to the identity provider.
 */
export interface SignInKeys {
  readonly data: SigningKey;
  readonly sealing: Buffer;
}

export function signInKeys(): SignInKeys {
  return { data: signingKey(), sealing: randomBytes(32) };
}

/** The PEM of a load balancer's x-amzn-oidc-data key by its kid (undefined: not this process's key). */
export function publicKeyPem(keys: SignInKeys, kid: string): string | undefined {
  return kid === keys.data.kid ? keys.data.publicPem : undefined;
}
