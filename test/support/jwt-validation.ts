import { readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CDKTN, CERT_ARN_1, CLOUDFORMATION, EngineOptions, SynthResult } from './engines';
import { cachedSynth } from './synth-cache';
import { LoadBalancerModel } from '../../src/core/model/load-balancer-model';
import { JwtClaimFormat } from '../../src/core/options/enums';

/** The issuer the test tokens carry and its (never fetched) JWKS endpoint; the proxy is given the keys with `--jwks`. */
export const JWT_ISSUER = 'https://issuer.example.com';
export const JWT_JWKS_ENDPOINT = 'https://issuer.example.com/.well-known/jwks.json';

/**
 * A web API whose `/api/*` needs a bearer token of {@link JWT_ISSUER}, `/scoped/*` one with `scope` holding
 * `read`, `aud` = `orders` and `groups` holding `ops` (the three claim formats), and `/open/*` no token.
 */
export const JWT_OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [
    { name: 'api', paths: ['/api/*'], validateJwt: { issuer: JWT_ISSUER, jwksEndpoint: JWT_JWKS_ENDPOINT } },
    {
      name: 'scoped',
      paths: ['/scoped/*'],
      validateJwt: {
        issuer: JWT_ISSUER,
        jwksEndpoint: JWT_JWKS_ENDPOINT,
        additionalClaims: [
          { name: 'scope', format: JwtClaimFormat.SPACE_SEPARATED_VALUES, values: ['read', 'admin'] },
          { name: 'aud', values: ['orders'] },
          { name: 'groups', format: JwtClaimFormat.STRING_ARRAY, values: ['ops'] },
        ],
      },
    },
    { name: 'open', paths: ['/open/*'] },
  ],
};

/** One engine's synthesized output and the model its construct planned (plain JSON, so it keeps in the cache). */
export interface JwtOutput {
  readonly output: Record<string, any>;
  readonly plan: LoadBalancerModel;
}

/** {@link JWT_OPTIONS} on CloudFormation and on lbkit/cdktn, cached so the feature and proxy tests share one synthesis. */
export function jwtOutputs(): { cloudformation: JwtOutput; cdktn: JwtOutput } {
  const dir = cachedSynth('jwt-validation', join(tmpdir(), 'lbkit-jwt-'), (out) => {
    const keep = (name: string, r: SynthResult) => writeFileSync(join(out, `${name}.json`), JSON.stringify({ output: r.output, plan: r.plan.model }));
    keep('cloudformation', CLOUDFORMATION.synth(JWT_OPTIONS));
    keep('cdktn', CDKTN.synth(JWT_OPTIONS));
  });
  try {
    const read = (name: string): JwtOutput => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
    return { cloudformation: read('cloudformation'), cdktn: read('cdktn') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
