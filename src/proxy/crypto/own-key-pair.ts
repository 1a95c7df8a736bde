import { createPrivateKey, createPublicKey, generateKeyPair, generateKeyPairSync, KeyObject } from 'crypto';
import { promisify } from 'util';

/** A key pair whose KeyObjects share nothing with the job that generated them. */
export interface OwnKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/**
 * Generated as DER and read back: on Node 20 the KeyObjects `generateKeyPair*` returns share a lock
 * with the generating job, and when garbage collection destroys that job while one of its keys is
 * exported as a JWK (which allocates with the lock held), the process deadlocks: idle, forever, with
 * no timer firing. A test run hung so on the sign-in provider's ES256 key; read back from DER, each
 * KeyObject has its own lock (test/proxy/crypto/own-key-pair.test.ts).
 */
function readBack(der: { publicKey: Buffer; privateKey: Buffer }): OwnKeyPair {
  return {
    privateKey: createPrivateKey({ key: der.privateKey, format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: der.publicKey, format: 'der', type: 'spki' }),
  };
}

/** An EC P-256 key pair (ES256). */
export function p256KeyPair(): OwnKeyPair {
  return readBack(generateKeyPairSync('ec', {
    namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  }));
}

/** An RSA key pair (RS256), generated off the event loop. */
export async function rsaKeyPair(modulusLength: number): Promise<OwnKeyPair> {
  return readBack(await promisify(generateKeyPair)('rsa', {
    modulusLength, publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  }));
}
