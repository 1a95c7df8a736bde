import { rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import * as fc from 'fast-check';
import { notOneClearError, runLbkit } from './cli-outcome';
import { synthesizeCorpus, SynthesizedFile } from './corpus';
import { strangeValue } from './mutations';
import { fuzzSeed, SERVE_CASE_TIME_LIMIT_MS } from './seed';
import { CliError } from '../../../src/cli/cli-error';
import { targetMapping } from '../../../src/cli/mapping';
import { pick, report } from '../support';

/**
 * `lbkit serve` flag values and `--targets` files, random: each ends in acceptance or one clear
 * line, exit 2 — never a crash (exit 1), a stack trace or several lines.
 *
 * Acceptance is seen without binding ports: the file served is the game-server example's network
 * load balancer with `--access-log -`, which serve refuses last, after every other flag is
 * checked and before anything listens (access logs are written for application load balancers).
 */
const FLAG_CASES = pick(1_000, 15_000);
const TARGETS_FILE_CASES = pick(1_500, 20_000);
const TARGETS_CLI_CASES = pick(200, 2_000);
const SENTINEL = 'lbkit: --access-log: the local proxy writes access logs for application load balancers only\n';

/** Every flag of `lbkit serve` that takes a value, but those that write files or directories. */
const VALUE_FLAGS = ['--time-scale', '--workers', '--admin-port', '--target', '--targets', '--port', '--host', '--dns', '--endpoint',
  '--client-region', '--lambda', '--lambda-timeout', '--lb', '--log-level', '--log-format', '--domain', '--user', '--oidc-issuer',
  '--trust-store', '--revocation-list', '--jwks'] as const;

const hostText = fc.oneof(fc.constantFrom('127.0.0.1', 'localhost', '[::1]', '::1', '0.0.0.0', '', ' ', '256.1.1.1', '[', 'é.example', 'a'.repeat(300)),
  fc.string({ maxLength: 12 }));
const portText = fc.oneof(fc.integer({ min: -10, max: 70_000 }).map(String), fc.constantFrom('0', '65535', '65536', '080', '1e3', '0x50', ' 80', '', '99999999999'));
const endpointText = fc.oneof(fc.tuple(hostText, portText).map(([h, p]) => `${h}:${p}`), portText, fc.string({ maxLength: 16 }));
const routeText = fc.oneof(fc.constantFrom('game', 'voice', 'api', '', '=', 'eu-west-1', 'us-east-1'), fc.string({ maxLength: 8 }));

/** A value for a flag: numbers at and past the edges, host:port shapes, name=value shapes, unicode, huge. */
const flagValue = fc.oneof(
  fc.constantFrom('0', '-1', '1', '2', '1000', '1001', '0.001', '1e-400', '1e400', 'NaN', 'Infinity', '-0', 'auto', 'AUTO', '', ' ', '--', '-x', '65535', '65536',
    'x'.repeat(10_000), '{"sub":"alice"}', '{"sub":1}', '{}', '[]', 'null', 'http://', 'https://idp.example.com', '443=', '=443', '443=9443', '0=0'),
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.double().map(String),
  endpointText,
  fc.tuple(routeText, endpointText).map(([r, e]) => `${r}=${e}`),
  fc.tuple(portText, portText).map(([a, b]) => `${a}=${b}`),
);

let corpus: { dir: string; files: SynthesizedFile[] };
let nlbFile: string;
let caDir: string;
beforeAll(() => {
  corpus = synthesizeCorpus();
  nlbFile = corpus.files.find((f) => f.name.startsWith('game-server/cloudformation/'))!.path;
  caDir = join(corpus.dir, 'ca');
});
afterAll(() => rmSync(corpus.dir, { recursive: true, force: true }));

test(`lbkit serve: ${FLAG_CASES} random flag values — accepted, or one line, exit 2`, async () => {
  const seed = fuzzSeed('cli flags');
  const tally = { accepted: 0, refused: 0 };
  const refusedBy = new Map<string, number>();
  await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...VALUE_FLAGS), flagValue), { minLength: 1, maxLength: 3 }), async (flags) => {
    const args = ['serve', nlbFile, '--ca-dir', caDir, ...flags.flatMap(([flag, value]) => [flag, value]), '--access-log', '-'];
    const started = Date.now();
    const r = await runLbkit(args);
    if (Date.now() - started > SERVE_CASE_TIME_LIMIT_MS) throw new Error(`took ${Date.now() - started} ms`);
    if (r.code === 2 && r.stderr === SENTINEL && r.stdout === '') { tally.accepted++; return; }
    const problem = notOneClearError(r);
    if (problem) throw new Error(`lbkit ${args.slice(0, 40).map((a) => JSON.stringify(a.slice(0, 60))).join(' ')}: ${problem}`);
    tally.refused++;
    const flag = /^lbkit: (--[a-z-]+|[a-z][^:]{0,30})/.exec(r.stderr)?.[1] ?? 'other';
    refusedBy.set(flag, (refusedBy.get(flag) ?? 0) + 1);
  }), { seed, numRuns: FLAG_CASES });
  report(`cli flags: ${FLAG_CASES} cases: ${tally.accepted} accepted, ${tally.refused} refused with one line `
    + `(${[...refusedBy.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, n]) => `${k} ${n}`).join(', ')}, …)`);
});

/** A --targets file's content: any JSON, or a mapping of routes to endpoint shapes right and wrong. */
const targetsContent = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.dictionary(routeText, fc.oneof(
    endpointText.map((e): unknown => e),
    fc.array(fc.oneof(
      endpointText.map((e): unknown => e),
      fc.record({ host: hostText, port: fc.oneof(fc.integer({ min: -5, max: 70_000 }), strangeValue) }),
      strangeValue,
    ), { maxLength: 4 }),
    strangeValue,
  ), { maxKeys: 4 }).map((m) => JSON.stringify(m)),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '{', '{"game": ["127.0.0.1:1"]', '\ufeff{}', 'null', '[]', '{"__proto__": ["127.0.0.1:1"]}', '{"constructor": "127.0.0.1:1"}'),
);

test(`--targets: ${TARGETS_FILE_CASES} random files — a mapping of real endpoints, or one CliError line naming the file`, () => {
  const seed = fuzzSeed('targets files');
  const path = join(corpus.dir, 'targets.json');
  const tally = { mapped: 0, refused: 0 };
  fc.assert(fc.property(targetsContent, (content) => {
    writeFileSync(path, content);
    let mapping: ReturnType<typeof targetMapping>;
    try {
      mapping = targetMapping([], path);
    } catch (e) {
      if (!(e instanceof CliError)) throw new Error(`threw ${(e as Error).constructor.name}: ${(e as Error).message}`);
      if (e.message.includes('\n') || !e.message.startsWith(`${path}: `)) throw new Error(`not one line naming the file: ${e.message.slice(0, 300)}`);
      tally.refused++;
      return;
    }
    for (const [route, endpoints] of Object.entries(mapping)) {
      for (const e of endpoints) {
        const ok = typeof e.host === 'string' && e.host !== '' && Number.isInteger(e.port) && e.port >= 1 && e.port <= 65535;
        if (!ok) throw new Error(`${route}: mapped to ${JSON.stringify(e)}`);
      }
    }
    tally.mapped++;
  }), { seed, numRuns: TARGETS_FILE_CASES });
  report(`targets files: ${TARGETS_FILE_CASES} cases: ${tally.mapped} mapped, ${tally.refused} refused`);
});

test(`lbkit serve --targets: ${TARGETS_CLI_CASES} random files through the CLI — accepted, or one line, exit 2`, async () => {
  const seed = fuzzSeed('targets cli');
  const tally = { accepted: 0, refused: 0 };
  let n = 0;
  await fc.assert(fc.asyncProperty(targetsContent, async (content) => {
    const path = join(corpus.dir, `targets-${n++}.json`);
    writeFileSync(path, content);
    const r = await runLbkit(['serve', nlbFile, '--ca-dir', caDir, '--targets', path, '--access-log', '-']);
    if (r.code === 2 && r.stderr === SENTINEL) { tally.accepted++; return; }
    const problem = notOneClearError(r);
    if (problem) throw new Error(`--targets ${JSON.stringify(content.slice(0, 200))}: ${problem}`);
    tally.refused++;
  }), { seed, numRuns: TARGETS_CLI_CASES });
  report(`targets cli: ${TARGETS_CLI_CASES} cases: ${tally.accepted} accepted, ${tally.refused} refused with one line`);
});
