import { seal, unseal } from './sealed';
import { UserClaims } from './user-claims';
import { AUTH_SESSION_COOKIE_MAX_SHARDS, AUTH_SESSION_COOKIE_SHARD_MAX_BYTES } from '../../core/limits';

/** What a session cookie holds (encrypted): who signed in, with which client of which provider, until when. */
export interface Session {
  /** `<issuer> <client id>` of the action that signed the user in: another action's cookie of the same name is not valid for it. */
  readonly client: string;
  readonly claims: UserClaims;
  readonly accessToken: string;
  /** Seconds since the epoch. */
  readonly expires: number;
}

/** Name → value of a request's Cookie header(s) (the first of a repeated name). */
export function requestCookies(header: string | string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  for (const line of lines) {
    for (const part of line.split(';')) {
      const eq = part.indexOf('=');
      if (eq <= 0) continue;
      const name = part.slice(0, eq).trim();
      if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
    }
  }
  return out;
}

/** The session the request's `<name>-0..3` cookies hold for this client, unexpired; undefined otherwise. */
export function readSession(key: Buffer, name: string, cookies: Map<string, string>, client: string, nowSeconds: number): Session | undefined {
  let sealed = '';
  for (let i = 0; i < AUTH_SESSION_COOKIE_MAX_SHARDS; i++) {
    const shard = cookies.get(`${name}-${i}`);
    if (shard === undefined) break;
    sealed += shard;
  }
  if (sealed === '') return undefined;
  const session = unseal<Session>(key, sealed);
  if (!session || session.client !== client || !(session.expires > nowSeconds)) return undefined;
  return session;
}

/**
 * Set-Cookie headers for a session: `<name>-0`, `<name>-1`, … of up to 4K each (name, value
 * and attributes), expiring with the session; shards the request had beyond those are
 * deleted. Undefined when the session needs more than the 4 shards AWS allows (16K).
 */
export function sessionCookies(key: Buffer, name: string, session: Session, present: Map<string, string>): string[] | undefined {
  const sealed = seal(key, session);
  const attributes = `; Expires=${new Date(session.expires * 1000).toUTCString()}; Path=/; Secure; HttpOnly`;
  const room = AUTH_SESSION_COOKIE_SHARD_MAX_BYTES - `${name}-0=`.length - attributes.length;
  const shards: string[] = [];
  for (let i = 0; i < sealed.length; i += room) shards.push(sealed.slice(i, i + room));
  if (shards.length > AUTH_SESSION_COOKIE_MAX_SHARDS) return undefined;
  const out = shards.map((value, i) => `${name}-${i}=${value}${attributes}`);
  for (let i = shards.length; i < AUTH_SESSION_COOKIE_MAX_SHARDS; i++) {
    if (present.has(`${name}-${i}`)) out.push(`${name}-${i}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; HttpOnly`);
  }
  return out;
}
