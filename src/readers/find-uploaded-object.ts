import { createHash } from 'crypto';
import { Dirent, readdirSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/**
 * The local copy of a file a construct uploaded (a trust store's CA bundle or revocation list, known
 * in the model as `{ kind: 'uploaded', sha256 }`), found beside a synthesized file: in cdk.out the
 * staged assets (`asset.<hash>.pem` files, named for the source file's extension, or `asset.*` directories), in a cdktf stack directory its
 * `assets/**`. Each candidate's bytes are hashed; the first whose SHA-256 matches is returned.
 *
 * @param synthesizedFilePath a `*.template.json` in cdk.out, or a cdktf stack's `cdk.tf.json`
 * @param sha256 the file's SHA-256, hex (any case)
 * @returns the path of a file with those bytes, or undefined when none is there
 */
export function findUploadedObject(synthesizedFilePath: string, sha256: string): string | undefined {
  const wanted = sha256.toLowerCase();
  const dir = dirname(synthesizedFilePath);
  const roots = entries(dir)
    .filter((e) => e.name.startsWith('asset.') || (e.name === 'assets' && e.isDirectory()))
    .map((e) => join(dir, e.name))
    .sort();
  for (const file of roots.flatMap(filesUnder)) {
    try {
      if (createHash('sha256').update(readFileSync(file)).digest('hex') === wanted) return file;
    } catch {
      // unreadable: not the file
    }
  }
  return undefined;
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** A file itself, or every file under a directory (sorted, depth first). */
function filesUnder(path: string): string[] {
  const children = entries(path);
  if (children.length === 0) {
    try {
      readdirSync(path);
      return []; // an empty directory
    } catch {
      return [path];
    }
  }
  return children.sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : e.isFile() ? [join(path, e.name)] : []));
}
