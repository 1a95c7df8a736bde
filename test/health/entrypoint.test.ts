import { execFileSync } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

test('lbkit/health loads no engine and exposes the handler and the demo backend', () => {
  const script = `const h = require('./src/entrypoints/health');
    const engines = Object.keys(require.cache).filter((k) => /node_modules\\/(aws-cdk-lib|cdktf|@cdktf\\/provider-aws|constructs)\\//.test(k));
    console.log(JSON.stringify({ engines, exports: Object.keys(h).sort() }));`;
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'test', 'tsconfig.json') },
  });
  const result = JSON.parse(out.trim().split('\n').pop()!);
  expect(result.engines).toEqual([]);
  expect(result.exports).toEqual(expect.arrayContaining(['healthHandler', 'runHealthChecks', 'startDemoBackend', 'DEFAULT_HEALTH_TIMEOUT_MS']));
});
