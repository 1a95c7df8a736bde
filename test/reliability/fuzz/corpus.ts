import { mkdtempSync, readdirSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createApp as featureTourCdk } from '../../../examples/feature-tour-cdk/app';
import { createApp as featureTourTf } from '../../../examples/feature-tour-cdktf/main';
import { createApp as gameServerCdk } from '../../../examples/game-server-nlb-cdk/app';
import { createApp as gameServerTf } from '../../../examples/game-server-nlb-cdktf/main';
import { createApp as globalFailoverCdk } from '../../../examples/global-failover-cdk/app';
import { createApp as globalFailoverTf } from '../../../examples/global-failover-cdktf/main';
import { createApp as partnerApiCdk } from '../../../examples/partner-api-cdk/app';
import { createApp as partnerApiTf } from '../../../examples/partner-api-cdktf/main';
import { createApp as webApiCdk } from '../../../examples/web-api-cdk/app';
import { createApp as webApiTf } from '../../../examples/web-api-cdktf/main';

/** One real synthesized file: which example and engine wrote it, where, and its parsed JSON. */
export interface SynthesizedFile {
  /** `<example>/<engine>/<file name>`, for messages. */
  readonly name: string;
  readonly engine: 'cloudformation' | 'terraform';
  readonly path: string;
  readonly text: string;
}

/**
 * Every example app, by engine: between them ALB (web-api), NLB (game-server), Route 53
 * failover (global-failover), mTLS with a trust store (partner-api), and sign-in, Lambda
 * targets, WAF, stickiness, weighted forwards and the other options (feature-tour).
 */
const EXAMPLES: Record<string, { cloudformation: (outdir: string) => { synth(): unknown }; terraform: (outdir: string) => { synth(): unknown } }> = {
  'web-api': { cloudformation: webApiCdk, terraform: webApiTf },
  'game-server': { cloudformation: gameServerCdk, terraform: gameServerTf },
  'global-failover': { cloudformation: globalFailoverCdk, terraform: globalFailoverTf },
  'partner-api': { cloudformation: partnerApiCdk, terraform: partnerApiTf },
  'feature-tour': { cloudformation: featureTourCdk, terraform: featureTourTf },
};

/** Files under `dir` (recursively) whose name the predicate accepts. */
function filesUnder(dir: string, wanted: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, wanted);
    return wanted(name) ? [path] : [];
  });
}

/**
 * Synthesizes every example with both engines into a fresh temporary directory (returned, for the
 * caller to remove) and collects the templates and cdk.tf.json files they wrote.
 */
export function synthesizeCorpus(): { dir: string; files: SynthesizedFile[] } {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-fuzz-'));
  const files: SynthesizedFile[] = [];
  for (const [example, engines] of Object.entries(EXAMPLES)) {
    for (const engine of ['cloudformation', 'terraform'] as const) {
      const outdir = join(dir, example, engine);
      engines[engine](outdir).synth();
      const wanted = engine === 'cloudformation' ? (n: string) => n.endsWith('.template.json') : (n: string) => n === 'cdk.tf.json';
      for (const path of filesUnder(outdir, wanted)) {
        files.push({ name: `${example}/${engine}/${path.slice(outdir.length + 1)}`, engine, path, text: readFileSync(path, 'utf8') });
      }
    }
  }
  return { dir, files };
}
