import { createLocalJWKSet, JSONWebKeySet, jwtVerify, JWTPayload } from 'jose';
import { AnyLoadBalancerModel, isApplicationModel } from '../../core/model/any-load-balancer-model';
import { JwtClaimModel, JwtValidationModel } from '../../core/model/load-balancer-model';

/** AWS accepts tokens signed with RS256 only. */
const ALGORITHMS = ['RS256'];
/** Claims AWS requires on every token (`nbf` and `iat` are checked only when present). */
const REQUIRED_CLAIMS = ['iss', 'exp'];
/** `Authorization: Bearer <token>` (RFC 6750 §2.1: the scheme is case-insensitive). */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The issuers a model's JWT validation actions name. */
export function jwtIssuers(model: AnyLoadBalancerModel | undefined): string[] {
  if (!model || !isApplicationModel(model)) return [];
  return [...new Set(model.listeners.flatMap((l) => l.rules.flatMap((r) => (r.validateJwt ? [r.validateJwt.issuer] : []))))];
}

/** Issuer → its JSON Web Key Set (`lbkit serve --jwks <issuer>=<file>`), compiled once. */
export class JwtKeySets {
  private readonly sets: Map<string, ReturnType<typeof createLocalJWKSet>>;

  public constructor(documents: Readonly<Record<string, JSONWebKeySet>> = {}) {
    this.sets = new Map(Object.entries(documents).map(([issuer, jwks]) => [issuer, createLocalJWKSet(jwks)]));
  }

  public of(issuer: string): ReturnType<typeof createLocalJWKSet> | undefined {
    return this.sets.get(issuer);
  }
}

/** Why a request's token was refused (AWS answers 401), or `no-keys` when the proxy has no JWKS for the issuer. */
export type JwtRefusal = 'missing-token' | 'invalid-token' | 'no-keys';

/**
 * Checks a request's bearer token as a `jwt-validation` action does: an RS256 signature by a key of the
 * issuer's JWKS, `iss` equal to the issuer, `exp` in the future, `nbf` and `iat` not in the future when
 * present, and each additional claim holding one of its values. Undefined when the token is valid.
 */
export async function refuseToken(
  jwt: JwtValidationModel, authorization: string | undefined, keys: JwtKeySets, now = new Date(),
): Promise<JwtRefusal | undefined> {
  const jwks = keys.of(jwt.issuer);
  if (!jwks) return 'no-keys';
  const token = BEARER.exec(authorization?.trim() ?? '')?.[1];
  if (!token) return 'missing-token';
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwks, { issuer: jwt.issuer, algorithms: ALGORITHMS, requiredClaims: REQUIRED_CLAIMS, currentDate: now }));
  } catch {
    return 'invalid-token';
  }
  // jose checks `iat` only with maxTokenAge; AWS refuses a token issued in the future.
  if (typeof payload.iat === 'number' && payload.iat > now.getTime() / 1000) return 'invalid-token';
  return (jwt.additionalClaims ?? []).every((c) => claimHolds(c, payload[c.name])) ? undefined : 'invalid-token';
}

/** One additional claim: its value (by its format) holds one of the accepted values. */
function claimHolds(claim: JwtClaimModel, value: unknown): boolean {
  let held: unknown[];
  if (claim.format === 'single-string') held = [value];
  else if (claim.format === 'space-separated-values') held = typeof value === 'string' ? value.split(' ').filter((w) => w !== '') : [];
  else held = Array.isArray(value) ? value : [];
  return held.some((v) => typeof v === 'string' && claim.values.includes(v));
}
