import { awscdk, javascript, TextFile } from 'projen';

// The package's entry points: `lbkit/<name>` → the compiled module (without extension).
// One list: package.json `exports` (node16/nodenext/bundler, Node, jest) and `typesVersions`
// (TypeScript's classic `moduleResolution: node`, which ignores `exports`) are both rendered from it.
const entryPoints: Record<string, string> = {
  'aws-cdk': 'lib/entrypoints/aws-cdk',
  'cdktf': 'lib/entrypoints/cdktf',
  'cdktn': 'lib/entrypoints/cdktn',
  'core': 'lib/entrypoints/core',
  'health': 'lib/entrypoints/health',
  'testing': 'lib/entrypoints/testing',
  'testing/jest': 'lib/entrypoints/testing/jest',
};

// What the package holds (package.json `files`, an allow-list): the compiled library, the sources its
// source maps name (so a stack trace from `cdk synth` opens), the jsii assembly, the CLI and the docs.
// Nothing a run leaves in the working tree (.lbkit/ keys, cdk.out, Terraform state, test reports) can ship.
// test/package/pack-contents.test.ts packs with decoys of each present and fails on anything else.
const packageFiles = [
  'lib/**/*.js',
  'lib/**/*.d.ts',
  'src/**/*.ts',
  '.jsii',
  'bin/lbkit',
  'API.md',
  'CHANGELOG.md',
  'docs/**/*.md',
  // npm adds package.json, README.md and LICENSE itself, and the bundled dependencies.
  // Whatever the patterns above would catch but is not ours to ship (a run's leftovers inside lib/ or src/):
  '!src/**/*.test.ts',
  '!**/*.pem',
  '!**/*.key',
  '!**/.lbkit/**',
  '!**/cdk.out/**',
  '!**/cdktf.out/**',
  '!**/.terraform/**',
  '!**/*.tfstate*',
];

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'lbkit',
  description: 'Load balancers right by default: ALB, NLB and Route 53 failover constructs that synthesize to CloudFormation (aws-cdk-lib) or Terraform (cdktf), plus a local reference proxy.',
  author: 'lbkit developers',
  authorAddress: 'lbkit@users.noreply.github.com',
  repositoryUrl: 'https://github.com/lbkit/lbkit.git',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  // package.json `files` (an allow-list) decides what ships; npm ignores a root .npmignore next to it,
  // so none is written (a deny-list there once let .lbkit/ keys into the tarball).
  npmignoreEnabled: false,
  minNodeVersion: '20.0.0',
  cdkVersion: '2.257.0',
  // 10.7: CDK Terrain (cdktn 0.24) needs constructs >=10.6 <10.8; aws-cdk-lib (^10.5) and cdktf (^10.4.2) accept it too.
  constructsVersion: '10.7.2',
  jsiiVersion: '~5.9.0',
  github: false,
  // Releases: `npx projen release` bumps the version from the conventional commits since the last tag
  // (the first release is 0.1.0), builds and tests, and leaves the publishable artifacts in dist/
  // (dist/js/lbkit-<version>.tgz, dist/changelog.md, dist/version.txt, dist/releasetag.txt), offline.
  // Publishing is `npm publish dist/js/lbkit-<version>.tgz` with a registry token; then
  // `npx projen publish:git` prepends dist/changelog.md to CHANGELOG.md, commits and tags. Only the
  // JavaScript package is built: no Python/Java/.NET/Go targets (they cannot be built or tested here).
  release: true,
  majorVersion: 0,
  // commit-and-tag-version 13 and its conventional-changelog packages need Node 22; 12 runs on Node 20.
  bumpPackage: 'commit-and-tag-version@^12',
  nextVersionCommand: 'node -e "process.stdout.write(process.env.LATEST_TAG ? \'\' : \'0.1.0\')"',
  sampleCode: false,
  docgen: true,
  // Construct Hub lists jsii libraries by `awscdk` and `cdktf`.
  keywords: ['awscdk', 'cdktf', 'aws', 'cdk', 'terraform', 'alb', 'nlb', 'load-balancer', 'route53'],
  // Two Terraform engines: cdktf (HashiCorp's, deprecated 2025-12-10; hashicorp/aws 5.100.0) and its community
  // continuation CDK Terrain, cdktn (hashicorp/aws 6.66.0). A user installs one; src/cdktn is generated from src/cdktf.
  peerDeps: ['cdktf@^0.21.0', '@cdktf/provider-aws@^20.1.0', 'cdktn@^0.24.0', '@cdktn/provider-aws@^25.7.0'],
  devDeps: ['aws-cdk@^2.1000.0', 'cdktf-cli@0.21.0', 'cdk-nag@^3.0.0', 'fast-check@^4.0.0', '@types/node-forge@^1.3.0', '@types/dns-packet@^5.6.5',
    // Drives Debian's chromium in the status-page test (no bundled browser download).
    'puppeteer-core@^24.0.0'],
  // The local reference proxy's runtime (bundled: jsii packages carry non-jsii deps inside):
  // undici 7 pools upstream connections (8 needs Node 22), commander parses the CLI (14 supports Node 20),
  // pino writes structured logs, node-forge issues the local CA and per-domain certificates,
  // dns-packet encodes and decodes the DNS messages of the failover resolver (RFC 1035 wire format, no resolver of its own),
  // jose 5 (6 is ESM-only, which jest's CommonJS runtime cannot load) signs and verifies the local identity provider's tokens and x-amzn-oidc-data (ES256, JWKS; no dependencies of its own).
  bundledDeps: ['undici@^7.30.0', 'commander@^14.0.0', 'pino@^10.0.0', 'node-forge@^1.3.1', 'dns-packet@^5.6.1', 'jose@^5.10.0'],
  gitignore: [...generatedAtRunTime(), '!src/proxy/logs', '!test/proxy/logs'],
  jestOptions: {
    // Snapshots are never rewritten by the test run; a changed template fails the build.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testTimeout: 120_000,
      // Coverage instrumentation roughly doubles the suite's time on two cores; CI keeps well under 15 minutes without it.
      collectCoverage: false,
      // The local CA's default directory is the user's data directory: tests use a temporary one.
      setupFilesAfterEnv: ['<rootDir>/test/support/isolated-user-dirs.ts'],
      // A run whose process does not exit (a server or child a test left open) names what is open and ends
      // with its result after 30 s, rather than holding CI until its time limit with nothing said.
      reporters: [new javascript.JestReporter('<rootDir>/test/support/exit-watch-reporter.js')],
    },
  },
  tsconfigDev: {
    compilerOptions: {},
    // This tsconfig lives in test/, so paths are relative to it.
    include: ['../examples/**/*.ts', '../bench/**/*.ts', '../scripts/**/*.ts'],
  },
});

// A CloudFormation user need not install cdktf, nor a Terraform user aws-cdk-lib.
project.package.addField('peerDependenciesMeta', {
  'aws-cdk-lib': { optional: true },
  'cdktf': { optional: true },
  '@cdktf/provider-aws': { optional: true },
  'cdktn': { optional: true },
  '@cdktn/provider-aws': { optional: true },
});

// The `lbkit` command (serve, diff): a tiny bin script that runs the compiled CLI.
project.package.addBin({ lbkit: 'bin/lbkit' });

// Entry points: `lbkit/aws-cdk` loads only aws-cdk-lib, `lbkit/cdktf` only cdktf.
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  ...Object.fromEntries(Object.entries(entryPoints).map(([name, module]) =>
    [`./${name}`, { types: `./${module}.d.ts`, default: `./${module}.js` }])),
  './lib/*': './lib/*.js',
  './package.json': './package.json',
  './.jsii': './.jsii',
});
// TypeScript with `moduleResolution: node` (cdktf init's and CDK's classic tsconfig) does not read `exports`;
// typesVersions maps the same subpaths to their declarations (the runtime, Node ≥ 12 and jest ≥ 28, reads `exports`).
project.package.addField('typesVersions', {
  '*': Object.fromEntries(Object.entries(entryPoints).map(([name, module]) => [name, [`${module}.d.ts`]])),
});

project.package.addField('files', packageFiles);
// lbkit runs on Node 20, 22 and 24 (the versions CI and the README name).
project.package.addEngine('node', '^20.0.0 || ^22.0.0 || ^24.0.0');

const tsNode = 'ts-node --transpile-only --project test/tsconfig.json --prefer-ts-exts';

// src/cdktn (and the cdktn examples) are generated from src/cdktf before each compile: one Terraform renderer, two engines.
const generateCdktn = project.addTask('generate:cdktn', {
  description: 'Write src/cdktn and the cdktn examples from their cdktf sources (module specifiers only; provider-support.ts is hand-written)',
  exec: `${tsNode} scripts/generate-cdktn.ts`,
});
project.preCompileTask.spawn(generateCdktn);

project.addTask('synth:examples', {
  description: 'Synthesize every example with its engine into .demo-out/',
  exec: `${tsNode} scripts/synth-examples.ts`,
});

project.addTask('terraform-check', {
  description: 'terraform init (local provider mirror), validate and plan -refresh=false on every synthesized Terraform example',
  steps: [
    { spawn: 'synth:examples' },
    { exec: 'bash scripts/terraform-check.sh .demo-out/cdktf/*/stacks/*' },
    // cdktn pins hashicorp/aws 6.66.0, which the mirror lacks: checked against its 5.100.0, 6.x-only paths listed as not checked.
    { exec: 'bash scripts/terraform-check.sh --relax-aws-provider .demo-out/cdktn/*/stacks/*' },
  ],
});

project.addTask('demo', {
  description: 'The main job: synthesize the web-api example with both engines and compare what they produced',
  exec: `${tsNode} scripts/demo.ts`,
  receiveArgs: true,
});

// Benchmarks (bench/, not tests): each prints a table and writes JSON under bench/results/.
project.addTask('bench:proxy', {
  description: 'Proxy throughput, latency and CPU per request: lbkit against nginx, HAProxy and direct (installs nginx, haproxy, wrk)',
  exec: `${tsNode} bench/proxy-throughput.ts`,
  receiveArgs: true,
});

project.addTask('bench:synth', {
  description: 'Synthesis time of WebApiLoadBalancer (1, 10, 50 routes) against hand-written aws-cdk-lib and @cdktf/provider-aws code',
  exec: `${tsNode} bench/synthesis.ts`,
  receiveArgs: true,
});

project.addTask('reliability', {
  description: 'The long reliability suite (load, chaos 5 min, faults, bad input, fuzzing ×10); `-- --chaos` or `-- --fuzz` runs one part. CI runs the short version inside the tests',
  exec: `${tsNode} scripts/reliability.ts`,
  receiveArgs: true,
});

// Three jest runs, so CI keeps under 15 minutes on two cores:
// 1. synthesis, reading, fuzzing and packaging (CPU bound, no tight clocks: package checks the tarball and its
//    consumers, outside-in installs and builds fresh projects, cdktn compares the cdktn engine's output with cdktf's
//    and runs terraform on it), on two workers;
// 2. the local proxy, both data planes, the CLI and the testing kit, on two workers: their time bounds are scaled
//    health checks and timeouts with slack, and most of their time is spent waiting (a one-worker run of them used
//    0.73 of a core), so two run side by side in about half the time;
// 3. the suites that measure the machine under load (reliability: chaos, bounds, faults; the proxy's cluster
//    workers), on one worker, so a busy second core cannot stretch their time bounds.
// Arguments go to the second run. The JUnit reports name each suite by its file, so a slow or failing file is found
// from CI's reports alone.
const JUNIT_SUITE_BY_FILE = { JEST_JUNIT_SUITE_NAME: '{filepath}' };
const CPU_ONLY_TESTS = ['aws-cdk', 'cdktf', 'core', 'readers', 'features', 'docs', 'bench', 'reliability/fuzz', 'package', 'outside-in', 'cdktn'];
/** Run alone; test/reliability/fuzz is CPU only (above), so the CPU-only list is ignored in that run. */
const ALONE_TESTS = ['reliability', 'proxy/cluster'];
// Followed by a flag (--ci): jest reads the words after an ignore pattern as more ignore patterns, and the test
// task's arguments (test files) come last.
const ignoring = (dirs: string[]) => `--testPathIgnorePatterns=/node_modules/ '--testPathIgnorePatterns=/test/(${dirs.join('|')})/'`;
project.testTask.reset();
project.testTask.exec(`jest --passWithNoTests --ci --maxWorkers=2 ${CPU_ONLY_TESTS.map((d) => `test/${d}/`).join(' ')}`, {
  env: { JEST_JUNIT_OUTPUT_NAME: 'junit-cpu-only.xml', ...JUNIT_SUITE_BY_FILE },
});
project.testTask.exec(`jest --passWithNoTests --maxWorkers=2 ${ignoring([...CPU_ONLY_TESTS, ...ALONE_TESTS])} --ci`, {
  env: { JEST_JUNIT_OUTPUT_NAME: 'junit-live.xml', ...JUNIT_SUITE_BY_FILE },
  receiveArgs: true,
});
project.testTask.exec(`jest --passWithNoTests --maxWorkers=1 ${ignoring(CPU_ONLY_TESTS)} --ci ${ALONE_TESTS.map((d) => `test/${d}/`).join(' ')}`, {
  env: JUNIT_SUITE_BY_FILE,
});
project.testTask.spawn(project.tasks.tryFind('eslint')!);

project.addTask('verify', {
  description: 'Everything CI checks: build (jsii, tests incl. Terraform validate/plan of every example, API.md) and generated files in sync',
  // The tests run terraform init/validate/plan on every Terraform example (test/cdktf/terraform-check.test.ts);
  // here a missing terraform fails them instead of skipping them.
  env: { LBKIT_REQUIRE_TERRAFORM: '1' },
  steps: [
    { spawn: 'build' },
    // ts-jest transpiles without type-checking; this checks tests, examples and scripts.
    { exec: 'tsc --noEmit -p test/tsconfig.json' },
    { exec: 'bash scripts/check-clean.sh' },
  ],
});


// jsii-pacmak names the tarball lbkit@<version>.jsii.tgz; npm's own name is what users install from.
project.tasks.tryFind('package:js')!.exec(
  'node -e "const fs=require(\'fs\');const d=\'dist/js/\';for(const f of fs.readdirSync(d)){const m=/^(.*)@(.*)\\.jsii\\.tgz$/.exec(f);if(m)fs.renameSync(d+f,d+m[1]+\'-\'+m[2]+\'.tgz\')}"',
);

// After publishing dist/js/lbkit-<version>.tgz: `npx projen publish:git` prepends the release's notes
// (dist/changelog.md) to CHANGELOG.md, commits `chore(release): <version>` and tags v<version>.
// It pushes nothing (`git push --follow-tags` is the maintainer's step).
const publishGit = project.release!.publisher.publishToGit({
  changelogFile: 'dist/changelog.md',
  versionFile: 'dist/version.txt',
  releaseTagFile: 'dist/releasetag.txt',
  projectChangelogFile: 'CHANGELOG.md',
  gitBranch: 'main',
  gitPushCommand: '',
});
// CHANGELOG.md's "Unreleased" section says what the next release will (projenrc/changelog.ts):
// `npx projen changelog` regenerates it from the conventional commits; the release notes replace it.
const changelog = 'ts-node --project projenrc/tsconfig.json projenrc/changelog.ts';
publishGit.prependExec(`${changelog} release`);
// npm ignores a root .npmignore next to `files`; jsii-pacmak (package:js) writes one, though, unless it names
// pacmak's outdir and the assembly. This one does, so packaging leaves the working tree clean.
new TextFile(project, '.npmignore', {
  lines: [
    '# Not read by npm: package.json "files" (an allow-list) decides what ships; see .projenrc.ts.',
    '# jsii-pacmak writes a .npmignore unless one names its outdir and the jsii assembly:',
    'dist',
    '!.jsii',
  ],
});

project.addTask('changelog', {
  description: 'Regenerate the "Unreleased" section of CHANGELOG.md from the conventional commits since the last release',
  steps: [
    { exec: 'rm -f dist/changelog.md' },
    { spawn: 'bump' },
    { exec: `${changelog} unreleased` },
    { spawn: 'unbump' },
  ],
});

/** What runs of the demo, the tests, `lbkit serve`, cdk, cdktf and Terraform leave in the working tree (git ignores it). */
function generatedAtRunTime(): string[] {
  return ['cdk.out', 'cdktf.out', '.terraform', '.terraform.lock.hcl', '*.tfstate', '*.tfstate.*', '/.demo-out', '.lbkit/',
    '*.pem', '*.key', '/test-reports/'];
}

project.synth();
