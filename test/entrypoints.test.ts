import { execFileSync } from 'child_process';
import { join } from 'path';

// A CloudFormation user need not install cdktf, nor a Terraform user aws-cdk-lib:
// each engine's entry point must load only its own engine.
const ROOT = join(__dirname, '..');

function modulesLoadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)});
    const engines = new Set();
    for (const k of Object.keys(require.cache)) {
      const m = /node_modules\\/(aws-cdk-lib|cdktf|@cdktf\\/provider-aws)\\//.exec(k);
      if (m) engines.add(m[1]);
    }
    console.log(JSON.stringify([...engines].sort()));`;
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'test', 'tsconfig.json') },
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

test('lbkit/aws-cdk loads aws-cdk-lib and not cdktf', () => {
  expect(modulesLoadedBy('./src/entrypoints/aws-cdk')).toEqual(['aws-cdk-lib']);
});

test('lbkit/cdktf loads cdktf and the provider, not aws-cdk-lib', () => {
  expect(modulesLoadedBy('./src/entrypoints/cdktf')).toEqual(['@cdktf/provider-aws', 'cdktf']);
});

test('lbkit/core loads no engine', () => {
  expect(modulesLoadedBy('./src/entrypoints/core')).toEqual([]);
});
