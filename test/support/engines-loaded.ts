import { execFile } from 'child_process';
import { join } from 'path';
import { childEnv } from './compiled';

const ROOT = join(__dirname, '..', '..');

/**
 * The engine libraries (aws-cdk-lib, cdktf, @cdktf/provider-aws) a script loads, run in a fresh
 * node process from the repository root (so `./src/…`, `./lib/…` and `./examples/…` resolve),
 * with ts-node when it requires TypeScript. A child process: nothing this process loaded counts;
 * several run at once (each pays node's start-up and its engines' loading).
 */
export function enginesLoadedBy(script: string, options: { readonly tsNode: boolean }): Promise<string[]> {
  const code = `${script}
    const engines = new Set();
    for (const k of Object.keys(require.cache)) {
      const m = /node_modules\\/(aws-cdk-lib|cdktf|@cdktf\\/provider-aws)\\//.exec(k);
      if (m) engines.add(m[1]);
    }
    console.log(JSON.stringify([...engines].sort()));`;
  const args = [...(options.tsNode ? ['-r', 'ts-node/register/transpile-only'] : []), '-e', code];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: childEnv(), timeout: 110_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()!));
    });
  });
}

