import { sign } from 'crypto';
import { SigningKey } from './sign-in-keys';
import { UserClaims } from './user-claims';

/** base64url of JSON, with the `=` padding AWS leaves on x-amzn-oidc-data's parts (RFC 7515 has none). */
function padded(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

export interface OidcDataInput {
  readonly key: SigningKey;
  /** The load balancer's ARN (`signer`). */
  readonly signer: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly claims: UserClaims;
  /** Seconds since the epoch. */
  readonly expires: number;
}

/**
 * x-amzn-oidc-data as AWS signs it: ES256 over `header.payload`, the header carrying alg, kid,
 * signer, iss, client and exp, the payload the user's claims (plus exp and iss), every part
 * base64url with padding.
 */
export function oidcData(input: OidcDataInput): string {
  const header = { alg: 'ES256', kid: input.key.kid, signer: input.signer, iss: input.issuer, client: input.clientId, exp: input.expires };
  const payload = { ...input.claims, exp: input.expires, iss: input.issuer };
  const signingInput = `${padded(Buffer.from(JSON.stringify(header)))}.${padded(Buffer.from(JSON.stringify(payload)))}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: input.key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${padded(signature)}`;
}
