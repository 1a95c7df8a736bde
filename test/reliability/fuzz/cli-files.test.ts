import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import * as fc from 'fast-check';
import { notOneClearError, runLbkit } from './cli-outcome';
import { synthesizeCorpus, SynthesizedFile } from './corpus';
import { mutation, textDamage } from './mutations';
import { mutatedText, readText } from './read-mutated';
import { CASE_TIME_LIMIT_MS, fuzzSeed } from './seed';
import { lbkitProcess } from '../../support/compiled';
import { pick, report } from '../support';

/**
 * `lbkit diff` and `lbkit serve` on mutated synthesized files, in-process: each run compares or
 * serves (then closes at once), or ends in one line `lbkit: <file>: <what>` with exit 2. A few
 * run through the real `lbkit` process.
 */
const DIFF_CASES = pick(200, 3_000);
/** Serving starts listeners and TLS: fewer cases. */
const SERVE_CASES = pick(30, 600);
/** Real processes pay node's (or ts-node's) start-up each. */
const PROCESS_CASES = pick(3, 12);

let corpus: { dir: string; files: SynthesizedFile[] };
let work: string;
let caDir: string;
beforeAll(() => {
  corpus = synthesizeCorpus();
  work = mkdtempSync(join(corpus.dir, 'mutated-'));
  caDir = join(work, 'ca');
});
afterAll(() => rmSync(corpus.dir, { recursive: true, force: true }));

let written = 0;
/** A mutated copy of a corpus file, written to disk; its path. */
function writeMutated(file: SynthesizedFile, text: string): string {
  const path = join(work, `${written++}-${file.name.replace(/\W+/g, '-')}`);
  writeFileSync(path, text);
  return path;
}

const caseArbitrary = fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), textDamage);

test(`lbkit diff: ${DIFF_CASES} mutated files, each first or second — a comparison or one line naming the file, exit 2`, async () => {
  const seed = fuzzSeed('cli diff');
  const tally = { compared: 0, refused: 0 };
  await fc.assert(fc.asyncProperty(caseArbitrary, fc.boolean(), async ([which, mutations, damage], first) => {
    const file = corpus.files[which % corpus.files.length];
    const bad = writeMutated(file, mutatedText(file.text, mutations, damage));
    const started = Date.now();
    const r = await runLbkit(first ? ['diff', bad, file.path] : ['diff', file.path, bad]);
    if (Date.now() - started > CASE_TIME_LIMIT_MS) throw new Error(`diff took ${Date.now() - started} ms`);
    if ((r.code === 0 || r.code === 1) && r.stderr === '') { tally.compared++; return; }
    const problem = notOneClearError(r, `${bad}: `);
    if (problem) throw new Error(`lbkit diff on ${file.name} mutated: ${problem}`);
    tally.refused++;
  }), { seed, numRuns: DIFF_CASES });
  report(`cli diff: ${DIFF_CASES} cases: ${tally.compared} compared, ${tally.refused} refused with one line`);
});

test(`lbkit serve: ${SERVE_CASES} mutated files — served (on free ports, then closed) or one line naming the file, exit 2`, async () => {
  const seed = fuzzSeed('cli serve');
  const tally = { served: 0, refused: 0 };
  await fc.assert(fc.asyncProperty(caseArbitrary, async ([which, mutations, damage]) => {
    const file = corpus.files[which % corpus.files.length];
    const text = mutatedText(file.text, mutations, damage);
    const bad = writeMutated(file, text);
    // Every listener on a free port: what the file says decides, not which ports are taken.
    const read = readText(text, bad);
    const ports = 'value' in read ? [...new Set(read.value.models.flatMap((m) => m.listeners.map((l) => l.port)))] : [];
    const portFlags = read && 'value' in read && read.value.models.length === 1
      ? ports.filter((p) => Number.isInteger(p)).flatMap((p) => ['--port', `${p}=0`]) : [];
    const r = await runLbkit(['serve', bad, '--ca-dir', caDir, '--log-level', 'fatal', ...portFlags]);
    if (r.code === 0) { tally.served++; return; }
    const problem = notOneClearError(r, `${bad}: `);
    if (problem) throw new Error(`lbkit serve on ${file.name} mutated: ${problem}`);
    tally.refused++;
  }), { seed, numRuns: SERVE_CASES });
  report(`cli serve: ${SERVE_CASES} cases: ${tally.served} served and closed, ${tally.refused} refused with one line`);
});

test(`the real lbkit process: lbkit diff on ${PROCESS_CASES} files refused in-process — the same one line, exit 2`, async () => {
  const seed = fuzzSeed('cli process');
  const refused: Array<{ bad: string; good: string; stderr: string }> = [];
  // Cases the in-process CLI refuses, found in order from the seed; then each run once as a process, in parallel.
  for (const [which, mutations, damage] of fc.sample(caseArbitrary, { seed, numRuns: 200 })) {
    if (refused.length === PROCESS_CASES) break;
    const file = corpus.files[which % corpus.files.length];
    const bad = writeMutated(file, mutatedText(file.text, mutations, damage));
    const r = await runLbkit(['diff', bad, file.path]);
    if (r.code === 2) refused.push({ bad, good: file.path, stderr: r.stderr });
  }
  expect(refused).toHaveLength(PROCESS_CASES);
  const results = await Promise.all(refused.map(({ bad, good }) => lbkitProcess('diff', bad, good)));
  results.forEach((r, i) => {
    expect(notOneClearError(r, `${refused[i].bad}: `)).toBeUndefined();
    expect(r.stderr).toBe(refused[i].stderr);
  });
}, 120_000);
