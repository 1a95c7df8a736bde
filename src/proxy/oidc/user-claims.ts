/** The claims of a signed-in user, as the identity provider's userinfo endpoint returns them (`sub` always). */
export interface UserClaims {
  readonly sub: string;
  readonly [claim: string]: unknown;
}

/**
 * A user given by name, email or claims JSON (`--user`, the testing kit's `user`):
 * - `alice` → sub `alice`, preferred_username and name `alice`, email `alice@example.com`;
 * - `alice@corp.example` → sub and email `alice@corp.example`, preferred_username `alice`;
 * - `{"sub":"u-1","email":"a@b.c","groups":["admin"]}` → those claims as written (`sub` required).
 */
export function userClaims(spec: string | UserClaims): UserClaims {
  if (typeof spec !== 'string') {
    if (typeof spec.sub !== 'string' || spec.sub === '') throw new Error(`user: claims need a non-empty string sub, received ${JSON.stringify(spec)}`);
    return spec;
  }
  const value = spec.trim();
  if (value.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (e) {
      throw new Error(`user: '${value}' is not JSON (${(e as Error).message})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`user: '${value}' is not a JSON object of claims`);
    return userClaims(parsed as UserClaims);
  }
  if (value === '') throw new Error('user: expected a name, an email or a JSON object of claims, received an empty string');
  const at = value.indexOf('@');
  const name = at > 0 ? value.slice(0, at) : value;
  return { sub: value, name, preferred_username: name, email: at > 0 ? value : `${value}@example.com`, email_verified: true };
}
