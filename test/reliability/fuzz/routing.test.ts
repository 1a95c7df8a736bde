import { rmSync } from 'fs';
import * as fc from 'fast-check';
import { synthesizeCorpus, SynthesizedFile } from './corpus';
import { Json, JsonPath, setAt } from './mutations';
import { badEnding } from './oracle';
import { readText } from './read-mutated';
import { fieldPaths, ROUTING_FIELDS, RoutingField } from './routing-fields';
import { fuzzSeed } from './seed';
import { AnyLoadBalancerModel } from '../../../src/core/model/any-load-balancer-model';
import { pick, report } from '../support';

/**
 * Routing-relevant fields of real synthesized files (rule priority, path-pattern values, forward
 * weights, listener ports, health-check interval, path and healthy threshold) changed to another
 * valid value: the read either refuses the file (one LbkitConfigError naming it) or its models
 * show the new value where the field goes — never a model that routes by the old value, a
 * default, or nothing.
 */
const CASES = pick(400, 10_000);

interface Site {
  readonly file: SynthesizedFile;
  readonly field: RoutingField;
  readonly path: JsonPath;
  readonly original: readonly AnyLoadBalancerModel[];
}

let corpus: { dir: string; files: SynthesizedFile[] };
let sites: Site[];
beforeAll(() => {
  corpus = synthesizeCorpus();
  sites = corpus.files.flatMap((file) => {
    const read = readText(file.text, file.name);
    if (!('value' in read)) throw new Error(`${file.name}: the unmutated file does not read`);
    const doc = JSON.parse(file.text);
    return ROUTING_FIELDS.flatMap((field) => fieldPaths(doc, file.engine, field).map((path) => ({ file, field, path, original: read.value.models })));
  });
});
afterAll(() => rmSync(corpus.dir, { recursive: true, force: true }));

test('every routing field is found in the synthesized files (the oracle below is not vacuous)', () => {
  const found = new Set(sites.map((s) => `${s.field.name} (${s.file.engine})`));
  const missing = ROUTING_FIELDS.flatMap((f) => (['cloudformation', 'terraform'] as const).map((e) => `${f.name} (${e})`)).filter((n) => !found.has(n));
  report(`routing: ${sites.length} routing fields in ${corpus.files.length} files; not in any file: ${missing.join(', ') || 'none'}`);
  // Forward weights appear only where an example splits traffic; every other field is in both engines' output.
  expect(missing.filter((m) => !m.startsWith('forward weight'))).toEqual([]);
});

test(`${CASES} routing fields changed: each read refuses the file or shows the new value`, () => {
  const seed = fuzzSeed('routing');
  const tally = { shown: 0, refused: 0, skipped: 0 };
  fc.assert(fc.property(fc.nat(), fc.nat(), (which, pickValue) => {
    const site = sites[which % sites.length];
    const value = fc.sample(site.field.value, { seed: pickValue, numRuns: 1 })[0];
    // A value the unmutated file already shows proves nothing: skipped, counted.
    if (site.field.shows(site.original, value)) { tally.skipped++; return; }
    const doc = JSON.parse(site.file.text) as Json;
    setAt(doc, site.path, value);
    const source = `fuzz/${site.file.name}`;
    const outcome = readText(JSON.stringify(doc), source);
    const bad = badEnding(source, outcome);
    if (bad) throw new Error(`${source} ${site.path.join('/')} = ${JSON.stringify(value)}: ${bad}`);
    if (!('value' in outcome)) { tally.refused++; return; }
    if (!site.field.shows(outcome.value.models, value)) {
      throw new Error(`${source}: ${site.field.name} ${site.path.join('/')} = ${JSON.stringify(value)} read without an error, but no model shows it`);
    }
    tally.shown++;
  }), { seed, numRuns: CASES });
  report(`routing: ${CASES} cases: ${tally.shown} read showing the new value, ${tally.refused} refused, ${tally.skipped} skipped (value already there)`);
});
