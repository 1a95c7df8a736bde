import { readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CDKTN, CERT_ARN_1, CLOUDFORMATION, EngineOptions, SynthResult } from './engines';
import { cachedSynth } from './synth-cache';
import { LoadBalancerModel } from '../../src/core/model/load-balancer-model';

/**
 * A web API whose routes rewrite (rule transforms): `/old/*` to `/new/$1` (path and query), tenant hosts
 * `<t>.example.org` to `<t>.internal.example.com`, both at once on `/both/*`, and `plain` with none.
 */
export const REWRITE_OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [
    { name: 'legacy', paths: ['/old/*'], rewrite: { url: { regex: '^/old/(.*)$', replace: '/new/$1' } } },
    { name: 'tenant', hosts: ['*.example.org'], rewrite: { host: { regex: '^([a-z0-9-]+)\\.example\\.org$', replace: '$1.internal.example.com' } } },
    {
      name: 'both',
      paths: ['/both/*'],
      rewrite: {
        host: { regex: '^api\\.example\\.com$', replace: 'backend.example.com' },
        url: { regex: '^/both/v(\\d+)/(.*)$', replace: '/api/$2?version=$1' },
      },
    },
    // Matches everything under /broken/, but its replacement makes no request target: AWS's 500.
    { name: 'broken', paths: ['/broken/*'], rewrite: { url: { regex: '^/broken/(.*)$', replace: 'no-slash/$1' } } },
    { name: 'plain', paths: ['/plain/*'] },
  ],
};

/** One engine's synthesized output and the model its construct planned (plain JSON, so it keeps in the cache). */
export interface RewriteOutput {
  readonly output: Record<string, any>;
  readonly plan: LoadBalancerModel;
}

/**
 * {@link REWRITE_OPTIONS} synthesized on CloudFormation and on lbkit/cdktn, kept in the synth cache so the
 * feature and proxy tests share one synthesis.
 */
export function rewriteOutputs(): { cloudformation: RewriteOutput; cdktn: RewriteOutput } {
  const dir = cachedSynth('rule-transforms', join(tmpdir(), 'lbkit-rewrite-'), (out) => {
    const keep = (name: string, r: SynthResult) => writeFileSync(join(out, `${name}.json`), JSON.stringify({ output: r.output, plan: r.plan.model }));
    keep('cloudformation', CLOUDFORMATION.synth(REWRITE_OPTIONS));
    keep('cdktn', CDKTN.synth(REWRITE_OPTIONS));
  });
  try {
    const read = (name: string): RewriteOutput => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
    return { cloudformation: read('cloudformation'), cdktn: read('cdktn') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
