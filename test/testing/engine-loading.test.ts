import { execFileSync } from 'child_process';
import { join } from 'path';

// A user who installed one engine can use the kit: lbkit/testing loads an engine only when given its stack.
const ROOT = join(__dirname, '..', '..');

function enginesLoadedBy(script: string): string[] {
  const code = `${script}
    const engines = new Set();
    for (const k of Object.keys(require.cache)) {
      const m = /node_modules\\/(aws-cdk-lib|cdktf|@cdktf\\/provider-aws)\\//.exec(k);
      if (m) engines.add(m[1]);
    }
    console.log(JSON.stringify([...engines].sort()));`;
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', code], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'test', 'tsconfig.json') },
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

test('lbkit/testing loads no engine', () => {
  expect(enginesLoadedBy("require('./src/entrypoints/testing'); require('./src/entrypoints/testing/jest');")).toEqual([]);
});

test('route assertions on a TerraformStack load cdktf, not aws-cdk-lib', () => {
  expect(enginesLoadedBy(`
    const { routeFor } = require('./src/entrypoints/testing');
    const { createApp } = require('./examples/web-api-cdktf/main');
    const dir = require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'lbkit-testing-'));
    const stack = createApp(require('path').join(dir, 'out')).node.findChild('web-api');
    if (routeFor(stack, 'https://api.example.com/v1/x').route !== 'api-v1') throw new Error('wrong route');
    require('fs').rmSync(dir, { recursive: true });
  `)).toEqual(['@cdktf/provider-aws', 'cdktf']);
});

test('route assertions on a CDK Stack load aws-cdk-lib, not cdktf', () => {
  expect(enginesLoadedBy(`
    const { routeFor } = require('./src/entrypoints/testing');
    const { createApp } = require('./examples/web-api-cdk/app');
    if (routeFor(createApp().node.findChild('WebApiStack'), 'https://api.example.com/v1/x').route !== 'api-v1') throw new Error('wrong route');
  `)).toEqual(['aws-cdk-lib']);
});
