import { synthHandWrittenCdk } from './synth-handwritten-cdk';
import { synthHandWrittenTf } from './synth-handwritten-cdktf';
import { synthLbkitCdk, synthLbkitTf } from './synth-lbkit';
import { Scenario } from './synth-scenario';

export type SynthEngine = 'cloudformation' | 'terraform';
export type SynthAuthor = 'lbkit' | 'hand-written';

/** One way of building the scenario's load balancer: who wrote it, for which engine. */
export interface SynthVariant {
  /** `lbkit-cloudformation`, `hand-written-terraform`, ... */
  readonly id: string;
  readonly engine: SynthEngine;
  readonly author: SynthAuthor;
  /**
   * Builds a fresh app with the scenario's load balancer and synthesizes it into `outdir`
   * (an empty directory); returns the path of the template or cdk.tf.json it wrote.
   */
  readonly synth: (s: Scenario, outdir: string) => string;
}

const variant = (engine: SynthEngine, author: SynthAuthor, synth: SynthVariant['synth']): SynthVariant =>
  ({ id: `${author}-${engine}`, engine, author, synth });

/** The four variants: lbkit and hand-written code on each engine. */
export const SYNTH_VARIANTS: readonly SynthVariant[] = [
  variant('cloudformation', 'lbkit', synthLbkitCdk),
  variant('cloudformation', 'hand-written', synthHandWrittenCdk),
  variant('terraform', 'lbkit', synthLbkitTf),
  variant('terraform', 'hand-written', synthHandWrittenTf),
];
