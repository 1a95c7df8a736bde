import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { consumerWithPackedLbkit, requireBuild, ROOT } from './packed';
import { WebApiLoadBalancer } from '../../src/aws-cdk';
import { userFacingStack } from '../../src/core/error-stack';
import { LbkitValidationError } from '../../src/core/errors';

// A bad option fails `cdk synth` with lbkit's one-line message first, and every file its trace names
// exists where the user installed lbkit: the trace leads into the user's code, and the source maps of the
// compiled library name sources that ship in the package.

const MESSAGE = 'LbkitValidationError: Api/Lb: routes["orders"].port must be a whole number from 1 to 65535 (received: 80800)';

const APP = (importFrom: string) => `
${importFrom}
const app = new App();
const stack = new Stack(app, 'Api');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
new WebApiLoadBalancer(stack, 'Lb', { vpc, routes: [{ name: 'orders', paths: ['/orders/*'], port: 80800 }] });
app.synth();
`;

let consumer: string;

beforeAll(() => {
  requireBuild();
  consumer = consumerWithPackedLbkit(['aws-cdk-lib', 'constructs', '@types/node']);
  writeFileSync(join(consumer, 'app.ts'), APP(
    "import { App, Stack } from 'aws-cdk-lib';\nimport * as ec2 from 'aws-cdk-lib/aws-ec2';\nimport { WebApiLoadBalancer } from 'lbkit/aws-cdk';"));
  writeFileSync(join(consumer, 'app.js'), APP(
    "const { App, Stack } = require('aws-cdk-lib');\nconst ec2 = require('aws-cdk-lib/aws-ec2');\nconst { WebApiLoadBalancer } = require('lbkit/aws-cdk');"));
  // `cdk init app --language typescript`'s compiler options (its app runs under ts-node).
  const cdkInit = JSON.parse(readFileSync(join(ROOT, 'node_modules/aws-cdk/lib/init-templates/app/typescript/tsconfig.json'), 'utf8'));
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ ...cdkInit, compilerOptions: { ...cdkInit.compilerOptions, types: ['node'] } }));
});

afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

function run(args: string[]): string[] {
  const result = spawnSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' });
  expect(result.status).toBe(1);
  return result.stderr.split('\n').filter((line) => line.trim() !== '');
}

/** The files named by `at …file:line:col` frames. */
function framedFiles(lines: string[]): string[] {
  return lines.map((l) => /^\s+at (?:.*? \()?(.+?):\d+:\d+\)?$/.exec(l)?.[1])
    .filter((f): f is string => f !== undefined && !f.startsWith('node:'));
}

test('under ts-node (the app cdk init writes), the first line of the failure is the one-line message', () => {
  const lines = run([join(ROOT, 'node_modules/ts-node/dist/bin.js'), '--prefer-ts-exts', '--transpile-only', 'app.ts']);
  expect(lines[0]).toEqual(MESSAGE);
  const files = framedFiles(lines);
  expect(files[0]).toEqual(join(consumer, 'app.ts'));
  // (ts-node's own frames name its sources, which ts-node does not ship: not lbkit's to fix.)
  expect(files.filter((f) => f.startsWith(consumer) && !existsSync(f))).toEqual([]);
  expect(files.filter((f) => f.includes(join('node_modules', 'lbkit')))).toEqual([]);
});

test('under plain node, the message follows the throwing line and the trace leads into the user\'s code', () => {
  const lines = run(['app.js']);
  // Node itself prints the throwing line of the compiled library first: a file that is in the package.
  const thrownAt = /^(.+):\d+$/.exec(lines[0])?.[1];
  expect(thrownAt).toBeDefined();
  expect(existsSync(thrownAt!)).toBe(true);
  expect(lines).toContain(MESSAGE);
  const files = framedFiles(lines);
  expect(files[0]).toEqual(join(consumer, 'app.js'));
  expect(files.filter((f) => !existsSync(f))).toEqual([]);
});

test('every source the compiled library\'s source maps name ships in the package', () => {
  const lib = join(consumer, 'node_modules', 'lbkit', 'lib');
  const named = new Set<string>();
  for (const file of readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
    const js = join(lib, file);
    const url = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(readFileSync(js, 'utf8'))?.[1];
    if (!url) continue;
    const map = JSON.parse(Buffer.from(url, 'base64').toString('utf8')) as { sources: string[] };
    for (const source of map.sources) named.add(resolve(dirname(js), source));
  }
  expect(named.size).toBeGreaterThan(100);
  expect([...named].filter((f) => !existsSync(f))).toEqual([]);
});

describe('userFacingStack', () => {
  const own = (p: string) => join(ROOT, p);

  test('leaves out lbkit\'s own frames (compiled or source) and writes the rest as file:line:col', () => {
    const stack = [
      'LbkitValidationError: A/B: port must be a whole number from 1 to 65535 (received: 0)',
      `    at checkRange (${own('src/core/errors.ts')}:31:11)`,
      `    at planTargetGroup (${own('lib/core/plan/target-group.js')}:79:13)`,
      '    at Array.map (<anonymous>)',
      `    at new WebApiLoadBalancer (${own('lib/aws-cdk/web-api-load-balancer.js')}:71:28)`,
      '    at Object.<anonymous> (/home/user/app/bin/app.ts:8:1)',
      '    at Module._compile (node:internal/modules/cjs/loader:1521:14)',
    ].join('\n');
    expect(userFacingStack(stack)).toEqual([
      'LbkitValidationError: A/B: port must be a whole number from 1 to 65535 (received: 0)',
      '    at /home/user/app/bin/app.ts:8:1',
      '    at node:internal/modules/cjs/loader:1521:14',
    ].join('\n'));
  });

  test('keeps a stack with no frame outside lbkit as it is', () => {
    const stack = `Error: x\n    at main (${own('lib/cli/main.js')}:3:9)`;
    expect(userFacingStack(stack)).toEqual(stack);
  });

  test('a validation error thrown by a construct has the message first and this test as its first frame', () => {
    const stack = new Stack(new App(), 'Api');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    let error: unknown;
    try {
      new WebApiLoadBalancer(stack, 'Lb', { vpc, routes: [{ name: 'orders', paths: ['/orders/*'], port: 80800 }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LbkitValidationError);
    const lines = (error as Error).stack!.split('\n');
    expect(lines[0]).toEqual(MESSAGE);
    expect(lines[1]).toMatch(new RegExp(`^    at ${__filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+$`));
    expect(lines.some((l) => l.includes(join(ROOT, 'src')))).toBe(false);
  });
});
