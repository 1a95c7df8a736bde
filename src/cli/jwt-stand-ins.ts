import { JSONWebKeySet } from 'jose';
import { AnyLoadBalancerModel } from '../core/model/any-load-balancer-model';
import { jwtIssuers } from '../proxy/http/jwt-validation';
import { JwtTokenEndpoint, LocalJwtIssuers, startJwtTokenEndpoint } from '../proxy/jwt';

/** One issuer `lbkit serve` stands in for, and where a client gets its tokens. */
export interface JwtStandIn {
  readonly issuer: string;
  readonly tokenUrl: string;
}

export interface JwtStandIns {
  /** The stood-in issuers' public key sets, for the proxy (beside the --jwks files). */
  readonly keySets: Record<string, JSONWebKeySet>;
  readonly issuers: readonly JwtStandIn[];
  close(): Promise<void>;
}

/**
 * The issuers the model's JWT validation actions name and `--jwks` does not cover: each gets a key pair made
 * here (in the primary, so every worker checks against the same public keys) and a token endpoint.
 */
export async function startJwtStandIns(
  model: AnyLoadBalancerModel | undefined, given: Readonly<Record<string, JSONWebKeySet>>, host: string,
): Promise<JwtStandIns> {
  const issuers = await LocalJwtIssuers.create(jwtIssuers(model).filter((i) => !given[i]));
  if (issuers.issuers().length === 0) return { keySets: {}, issuers: [], close: async () => undefined };
  const endpoint: JwtTokenEndpoint = await startJwtTokenEndpoint({ issuers, host });
  return {
    keySets: issuers.keySets(),
    issuers: issuers.issuers().map((issuer) => ({ issuer, tokenUrl: endpoint.tokenUrl(issuer) })),
    close: () => endpoint.close(),
  };
}

/** A ready command that gets a token of the stood-in issuer (any client id and secret are accepted). */
export function tokenCurl(standIn: JwtStandIn): string {
  return `curl -s -u my-client:any-secret -d grant_type=client_credentials -d scope=read '${standIn.tokenUrl}'`;
}
