import { execFileSync } from 'child_process';
import { join } from 'path';
import { builtLibrary, childEnv } from '../support/compiled';

const ROOT = join(__dirname, '..', '..');

// From lib/ when it is built from the current sources (what the package ships; plain node, no ts-node
// to start), else from src/ with ts-node.
const { dir: BUILT, loader: LOADER } = builtLibrary();

test('lbkit/health loads no engine and exposes the handler and the demo backend', () => {
  const script = `const h = require('./${BUILT}/entrypoints/health');
    const engines = Object.keys(require.cache).filter((k) => /node_modules\\/(aws-cdk-lib|cdktf|@cdktf\\/provider-aws|constructs)\\//.test(k));
    console.log(JSON.stringify({ engines, exports: Object.keys(h).sort() }));`;
  const out = execFileSync(process.execPath, [...LOADER, '-e', script], { cwd: ROOT, encoding: 'utf8', env: childEnv() });
  const result = JSON.parse(out.trim().split('\n').pop()!);
  expect(result.engines).toEqual([]);
  expect(result.exports).toEqual(expect.arrayContaining(['healthHandler', 'runHealthChecks', 'startDemoBackend', 'DEFAULT_HEALTH_TIMEOUT_MS']));
});
