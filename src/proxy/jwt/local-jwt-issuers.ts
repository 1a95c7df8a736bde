import { exportJWK, JSONWebKeySet, JWTPayload, KeyLike, SignJWT } from 'jose';
import { rsaKeyPair } from '../crypto/own-key-pair';

/** How long a local access token is valid (`expires_in`): an hour, a common access-token lifetime. */
export const LOCAL_TOKEN_LIFETIME_SECONDS = 3600;
/** The key id the local issuers' tokens and key sets carry. */
const LOCAL_KID = 'lbkit-local';

/** A token asked of an issuer the local issuers do not stand in for (or of none when several are). */
export class UnknownJwtIssuerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownJwtIssuerError';
  }
}

/**
 * Stand-ins for the issuers a model's JWT validation actions name: an RS256 key pair per issuer (AWS
 * accepts RS256 only), made at start. Their public key sets go to the proxy; their private keys sign the
 * access tokens asked for — by the testing kit (`lb.jwt(...)`) or `lbkit serve`'s token endpoint.
 */
export class LocalJwtIssuers {
  public static async create(issuers: readonly string[]): Promise<LocalJwtIssuers> {
    const keys = new Map<string, { privateKey: KeyLike; jwks: JSONWebKeySet }>();
    for (const issuer of issuers) {
      // 2048 bits: jose's generateKeyPair('RS256') default, and AWS's minimum for a JWT validation key set.
      const pair = await rsaKeyPair(2048);
      keys.set(issuer, { privateKey: pair.privateKey, jwks: { keys: [{ ...(await exportJWK(pair.publicKey)), kid: LOCAL_KID, alg: 'RS256', use: 'sig' }] } });
    }
    return new LocalJwtIssuers(keys);
  }

  private constructor(private readonly keys: Map<string, { privateKey: KeyLike; jwks: JSONWebKeySet }>) {}

  /** The issuers stood in for. */
  public issuers(): string[] {
    return [...this.keys.keys()];
  }

  /** Issuer → public key set, for the proxy. */
  public keySets(): Record<string, JSONWebKeySet> {
    return Object.fromEntries([...this.keys].map(([issuer, k]) => [issuer, k.jwks]));
  }

  /**
   * A token of `issuer` (the only one when undefined and there is one) valid for an hour: `iss`, `iat`,
   * `exp` and `claims` (which may replace any of them, e.g. an `exp` in the past, to see a refusal).
   * @throws UnknownJwtIssuerError when no issuer, or not that one, is stood in for
   */
  public async token(claims: JWTPayload, issuer?: string): Promise<string> {
    const issuers = this.issuers();
    const chosen = issuer ?? (issuers.length === 1 ? issuers[0] : undefined);
    const key = chosen !== undefined ? this.keys.get(chosen) : undefined;
    if (!key) {
      throw new UnknownJwtIssuerError(issuers.length === 0 ? 'no local JWT issuer (no JWT validation action, or a key set was given for each issuer)'
        : `name the issuer (one of ${issuers.join(', ')})${chosen !== undefined ? `; ${chosen} is none of them` : ''}`);
    }
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: chosen, iat: now, exp: now + LOCAL_TOKEN_LIFETIME_SECONDS, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: LOCAL_KID, typ: 'JWT' }).sign(key.privateKey);
  }
}
