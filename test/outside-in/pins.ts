import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { REPO_ROOT } from './readme-blocks';

/**
 * The version a fresh project gets of a package: the exact version this repository builds and
 * tests with (so the npm cache from its `npm ci` serves it, and typescript stays at 5.9 where
 * the templates would take 7, which ts-node and ts-jest cannot run); for a package the
 * repository does not use (the CDK template's tsx and @swc/jest), the template's own range.
 */
export function pinned(name: string, templateRange?: string): string {
  const manifest = join(REPO_ROOT, 'node_modules', name, 'package.json');
  if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  if (templateRange !== undefined) return templateRange;
  throw new Error(`outside-in: no version for ${name}: this repository does not install it and no template names a range`);
}

/** A package name without the version an install command may give it (`constructs@10` → `constructs`). */
export function packageName(spec: string): string {
  const m = /^(@[^/@]+\/[^@]+|[^@]+)(?:@.*)?$/.exec(spec);
  if (!m) throw new Error(`outside-in: cannot read a package name from ${spec}`);
  return m[1];
}

export type Dependencies = Record<string, string>;

/** Every entry pinned; `lbkit` itself is the packed tarball. */
export function pinAll(deps: Dependencies, tarball: string): Dependencies {
  const out: Dependencies = {};
  for (const [name, range] of Object.entries(deps)) out[name] = name === 'lbkit' ? `file:${tarball}` : pinned(name, range);
  return out;
}
