import { execFile } from 'child_process';
import { join } from 'path';
import { childEnv } from './compiled';

const ROOT = join(__dirname, '..', '..');

/** The engine libraries whose loading the isolation tests watch: each entry point may load only its own. */
const ENGINE_MODULES = /node_modules\/(aws-cdk-lib|cdktf|@cdktf\/provider-aws|cdktn|@cdktn\/provider-aws)\//;

/**
 * A preload that makes the given packages (and their subpaths) unresolvable, as in a project that did
 * not install them: `require` fails with node's own MODULE_NOT_FOUND error.
 */
function uninstalling(packages: readonly string[]): string {
  if (packages.length === 0) return '';
  return `{
    const Module = require('module');
    const missing = ${JSON.stringify(packages)};
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      if (missing.some((p) => request === p || request.startsWith(p + '/'))) {
        const error = new Error("Cannot find module '" + request + "'");
        error.code = 'MODULE_NOT_FOUND';
        throw error;
      }
      return resolve.call(this, request, ...rest);
    };
  }\n`;
}

export interface EngineLoadingOptions {
  /** Run with ts-node (the script requires TypeScript). */
  readonly tsNode: boolean;
  /** Packages the script's project does not have: requiring one fails as if not installed. */
  readonly uninstalled?: readonly string[];
}

/**
 * The engine libraries (aws-cdk-lib, cdktf, @cdktf/provider-aws, cdktn, @cdktn/provider-aws) a script
 * loads, run in a fresh node process from the repository root (so `./src/…`, `./lib/…` and `./examples/…`
 * resolve), with ts-node when it requires TypeScript. A child process: nothing this process loaded counts;
 * several run at once (each pays node's start-up and its engines' loading).
 */
export function enginesLoadedBy(script: string, options: EngineLoadingOptions): Promise<string[]> {
  const code = `${uninstalling(options.uninstalled ?? [])}${script}
    const engines = new Set();
    for (const k of Object.keys(require.cache)) {
      const m = ${ENGINE_MODULES.toString()}.exec(k);
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
