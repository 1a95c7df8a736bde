import { awscdk, javascript } from 'projen';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'lbkit',
  description: 'Load balancers right by default: ALB, NLB and Route 53 failover constructs that synthesize to CloudFormation (aws-cdk-lib) or Terraform (cdktf), plus a local reference proxy.',
  author: 'lbkit developers',
  authorAddress: 'lbkit@users.noreply.github.com',
  repositoryUrl: 'https://github.com/lbkit/lbkit.git',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.0.0',
  cdkVersion: '2.257.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~5.9.0',
  github: false,
  release: false,
  sampleCode: false,
  docgen: true,
  keywords: ['aws', 'cdk', 'cdktf', 'terraform', 'alb', 'nlb', 'load-balancer', 'route53'],
  peerDeps: ['cdktf@^0.21.0', '@cdktf/provider-aws@^20.1.0'],
  devDeps: ['aws-cdk@^2.1000.0', 'cdktf-cli@0.21.0', 'cdk-nag@^3.0.0', 'fast-check@^4.0.0', '@types/node-forge@^1.3.0', '@types/dns-packet@^5.6.5'],
  // The local reference proxy's runtime (bundled: jsii packages carry non-jsii deps inside):
  // undici 7 pools upstream connections (8 needs Node 22), commander parses the CLI (14 supports Node 20),
  // pino writes structured logs, node-forge issues the local CA and per-domain certificates,
  // dns-packet encodes and decodes the DNS messages of the failover resolver (RFC 1035 wire format, no resolver of its own).
  bundledDeps: ['undici@^7.30.0', 'commander@^14.0.0', 'pino@^10.0.0', 'node-forge@^1.3.1', 'dns-packet@^5.6.1'],
  gitignore: ['cdk.out', 'cdktf.out', '.terraform', '.terraform.lock.hcl', '*.tfstate', '*.tfstate.*', '/.demo-out', '.lbkit/',
    '!src/proxy/logs', '!test/proxy/logs'],
  jestOptions: {
    // Snapshots are never rewritten by the test run; a changed template fails the build.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testTimeout: 120_000,
      // Coverage instrumentation roughly doubles the suite's time on two cores; CI keeps well under 15 minutes without it.
      collectCoverage: false,
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
});

// The `lbkit` command (serve, diff): a tiny bin script that runs the compiled CLI.
project.package.addBin({ lbkit: 'bin/lbkit' });

// Entry points: `lbkit/aws-cdk` loads only aws-cdk-lib, `lbkit/cdktf` only cdktf.
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  './aws-cdk': { types: './lib/entrypoints/aws-cdk.d.ts', default: './lib/entrypoints/aws-cdk.js' },
  './cdktf': { types: './lib/entrypoints/cdktf.d.ts', default: './lib/entrypoints/cdktf.js' },
  './core': { types: './lib/entrypoints/core.d.ts', default: './lib/entrypoints/core.js' },
  './health': { types: './lib/entrypoints/health.d.ts', default: './lib/entrypoints/health.js' },
  './lib/*': './lib/*.js',
  './package.json': './package.json',
  './.jsii': './.jsii',
});

const tsNode = 'ts-node --transpile-only --project test/tsconfig.json --prefer-ts-exts';

project.addTask('synth:examples', {
  description: 'Synthesize every example with its engine into .demo-out/',
  exec: `${tsNode} scripts/synth-examples.ts`,
});

project.addTask('terraform-check', {
  description: 'terraform init (local provider mirror), validate and plan -refresh=false on every synthesized Terraform example',
  steps: [
    { spawn: 'synth:examples' },
    { exec: 'bash scripts/terraform-check.sh .demo-out/cdktf/*/stacks/*' },
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
  description: 'The long reliability suite (load 60 s, faults, bad input); CI runs the short version inside the tests',
  exec: 'jest --runInBand test/reliability',
  env: { LBKIT_RELIABILITY: 'long' },
  receiveArgs: true,
});

project.addTask('verify', {
  description: 'Everything CI checks: build (jsii, tests, API.md), Terraform validate/plan, and generated files in sync',
  steps: [
    { spawn: 'build' },
    // ts-jest transpiles without type-checking; this checks tests, examples and scripts.
    { exec: 'tsc --noEmit -p test/tsconfig.json' },
    { spawn: 'terraform-check' },
    { exec: 'bash scripts/check-clean.sh' },
  ],
});

project.npmignore?.exclude('/examples/', '/scripts/', '/notes/', '/bench/', '/.demo-out/', '/.ci/');

project.synth();
