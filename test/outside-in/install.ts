import { mkdirSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Dependencies } from './pins';
import { REPO_ROOT } from './readme-blocks';
import { run } from './run';

/** `npm pack` of this repository (lib/ is compiled before the tests run): the tarball's path. */
export function packLbkit(dest: string): string {
  const out = run('npm', ['pack', '--pack-destination', dest, '--json', '--loglevel=error'], REPO_ROOT);
  const [{ filename }] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string }>;
  return join(dest, filename);
}

/**
 * One `npm install` of every fresh project's dependencies into `dir`; each project then links
 * its node_modules there. One install instead of one per project: @cdktf/provider-aws unpacks to
 * 362 MB and aws-cdk-lib to 138 MB, and a link keeps what the templates rely on (their
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
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'outside-in-dependencies', private: true, dependencies }, null, 2));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir, 420_000);
}

export function linkNodeModules(project: string, shared: string): void {
  symlinkSync(join(shared, 'node_modules'), join(project, 'node_modules'), 'dir');
}
