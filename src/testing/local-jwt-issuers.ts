import { exportJWK, generateKeyPair, JSONWebKeySet, JWTPayload, KeyLike, SignJWT } from 'jose';
import { TestingKitError } from './errors';

/** How long a test token is valid: long enough for any test, short enough to look like an access token. */
const TOKEN_LIFETIME_SECONDS = 3600;
/** The key id the local issuers' tokens and key sets carry. */
const LOCAL_KID = 'lbkit-local';

/**
 * An RS256 key pair per issuer the model's JWT validation actions name, made at start: their public key
 * sets go to the proxy, their private keys sign the tokens tests ask for (`lb.jwt(...)`).
 */
export class LocalJwtIssuers {
  public static async create(issuers: readonly string[]): Promise<LocalJwtIssuers> {
    const keys = new Map<string, { privateKey: KeyLike; jwks: JSONWebKeySet }>();
    for (const issuer of issuers) {
      const pair = await generateKeyPair('RS256');
      keys.set(issuer, { privateKey: pair.privateKey, jwks: { keys: [{ ...(await exportJWK(pair.publicKey)), kid: LOCAL_KID, alg: 'RS256', use: 'sig' }] } });
    }
    return new LocalJwtIssuers(keys);
  }

  private constructor(private readonly keys: Map<string, { privateKey: KeyLike; jwks: JSONWebKeySet }>) {}

  /** Issuer → public key set, for the proxy. */
  public keySets(): Record<string, JSONWebKeySet> {
    return Object.fromEntries([...this.keys].map(([issuer, k]) => [issuer, k.jwks]));
  }

  /**
   * A token of `issuer` (the only one when the model names one) valid for an hour: `iss`, `iat`, `exp`
   * and `claims` (which may replace any of them, e.g. an `exp` in the past).
   */
  public async token(source: string, claims: JWTPayload, issuer: string | undefined): Promise<string> {
    const issuers = [...this.keys.keys()];
    const chosen = issuer ?? (issuers.length === 1 ? issuers[0] : undefined);
    const key = chosen !== undefined ? this.keys.get(chosen) : undefined;
    if (!key) {
      throw new TestingKitError(`${source}: jwt: ${issuers.length === 0 ? 'the load balancer has no JWT validation action, or the jwks option replaced its keys'
        : `name the issuer (one of ${issuers.join(', ')})${chosen !== undefined ? `; ${chosen} is none of them` : ''}`}`);
    }
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: chosen, iat: now, exp: now + TOKEN_LIFETIME_SECONDS, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: LOCAL_KID, typ: 'JWT' }).sign(key.privateKey);
  }
}
