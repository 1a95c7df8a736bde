import { existsSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Dependencies } from './pins';
import { REPO_ROOT } from './readme-blocks';
import { run } from './run';

/** `npm pack` of this repository (lib/ is compiled before the tests run): the tarball's path. */
export function packLbkit(dest: string): string {
  if (!existsSync(join(REPO_ROOT, 'lib', 'index.js'))) {
    throw new Error('outside-in: lib/ is not compiled, so `npm pack` would ship no code: run `npx projen compile` first (`npx projen build` does)');
  }
  const out = run('npm', ['pack', '--pack-destination', dest, '--json', '--loglevel=error'], REPO_ROOT);
  const [{ filename }] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string }>;
  return join(dest, filename);
}

/**
 * The engine libraries, which lbkit takes as peer dependencies: installed as links to this
 * repository's own copies (the versions the projects pin) rather than unpacked again, since
 * @cdktf/provider-aws unpacks to 362 MB and aws-cdk-lib to 138 MB (about half the install's
 * CPU time and three quarters of its disk writes). lbkit itself, its bundled dependencies, the
 * CLIs and the test tools are installed from the registry (or the npm cache) as a user gets
 * them. LBKIT_OUTSIDE_IN_FULL_INSTALL=1 installs the engine libraries too.
 */
const ENGINE_LIBRARIES = ['aws-cdk-lib', 'constructs', 'cdktf', '@cdktf/provider-aws'];

function linkedEngineLibrary(name: string): string | undefined {
  if (process.env.LBKIT_OUTSIDE_IN_FULL_INSTALL || !ENGINE_LIBRARIES.includes(name)) return undefined;
  return `file:${realpathSync(join(REPO_ROOT, 'node_modules', name))}`;
}

/**
 * One `npm install` of every fresh project's dependencies into `dir`; each project then links
 * its node_modules there. One install instead of one per project (three copies of the engine
 * libraries), and a link keeps what the templates rely on (their
 * `typeRoots: ./node_modules/@types`, `npx` finding the project's own bins).
 */
export function installShared(dir: string, projects: Array<{ dependencies: Dependencies; devDependencies: Dependencies }>): void {
  const dependencies: Dependencies = {};
  for (const p of projects) {
    for (const [name, spec] of Object.entries({ ...p.dependencies, ...p.devDependencies })) {
      if (dependencies[name] !== undefined && dependencies[name] !== spec) {
        throw new Error(`outside-in: the fresh projects want ${name} at ${dependencies[name]} and at ${spec}`);
      }
      dependencies[name] = spec;
    }
  }
  for (const name of Object.keys(dependencies)) dependencies[name] = linkedEngineLibrary(name) ?? dependencies[name];
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'outside-in-dependencies', private: true, dependencies }, null, 2));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir, 420_000);
}

export function linkNodeModules(project: string, shared: string): void {
  symlinkSync(join(shared, 'node_modules'), join(project, 'node_modules'), 'dir');
}
