import { rmSync } from 'fs';
import * as fc from 'fast-check';
import { synthesizeCorpus, SynthesizedFile } from './corpus';
import { mutation, textDamage } from './mutations';
import { badEnding, incoherence } from './oracle';
import { mutatedText, readText } from './read-mutated';
import { CASE_TIME_LIMIT_MS, fuzzSeed } from './seed';
import { pick, report } from '../support';

/**
 * Real synthesized files of every example (both engines), mutated — properties dropped,
 * duplicated, retyped, renamed; intrinsics and Terraform tokens broken; unicode, huge and deep
 * values; arrays and objects swapped; the text cut short or a byte changed — and read back. Every
 * case ends in models that hold together or in one clear LbkitConfigError naming the file, in
 * bounded time.
 */
const CASES = pick(1_500, 30_000);
/** Structural mutations per case: one shows each fault alone, several show them combined. */
const MAX_MUTATIONS = 4;

let corpus: { dir: string; files: SynthesizedFile[] };
beforeAll(() => { corpus = synthesizeCorpus(); });
afterAll(() => rmSync(corpus.dir, { recursive: true, force: true }));

test(`${CASES} mutated synthesized files each read to coherent models or one LbkitConfigError naming the file, each within ${CASE_TIME_LIMIT_MS} ms`, () => {
  const seed = fuzzSeed('readers');
  const tally = { models: 0, errors: 0, slowestMs: 0 };
  const errorsByStart = new Map<string, number>();
  const started = Date.now();
  fc.assert(fc.property(
    fc.nat(), fc.array(mutation, { minLength: 1, maxLength: MAX_MUTATIONS }), textDamage,
    (which, mutations, damage) => {
      const file = corpus.files[which % corpus.files.length];
      const source = `fuzz/${file.name}`;
      const outcome = readText(mutatedText(file.text, mutations, damage), source);
      tally.slowestMs = Math.max(tally.slowestMs, outcome.ms);
      if (outcome.ms > CASE_TIME_LIMIT_MS) throw new Error(`${source}: read took ${Math.round(outcome.ms)} ms`);
      const bad = badEnding(source, outcome);
      if (bad) throw new Error(`${source}: ${bad}`);
      if ('value' in outcome) {
        tally.models++;
        const problems = incoherence(outcome.value.models, outcome.value.dns);
        if (problems.length) throw new Error(`${source}: read without an error, but ${problems.join('; ')}`);
      } else {
        tally.errors++;
        const what = (outcome.error as Error).message.slice(source.length + 2).replace(/[^a-zA-Z ].*$/, '').slice(0, 40);
        errorsByStart.set(what, (errorsByStart.get(what) ?? 0) + 1);
      }
    }), { seed, numRuns: CASES });
  report(`readers: ${CASES} cases over ${corpus.files.length} files in ${Date.now() - started} ms: ${tally.models} read to models, `
    + `${tally.errors} LbkitConfigErrors (${errorsByStart.size} kinds); slowest case ${Math.round(tally.slowestMs)} ms`);
});
