import { readFileSync } from 'fs';

/** Builds the caller's own error (LbkitConfigError, CliError, TestingKitError) from a one-line message. */
export type JsonErrorOf = (message: string) => Error;

/** The parsed JSON of a text, or a one-line `<source>: not JSON (…)` error. */
export function parseJsonText(text: string, source: string, errorOf: JsonErrorOf): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw errorOf(`${source}: not JSON (${(e as Error).message})`);
  }
}

/**
 * The parsed JSON of a file, or a one-line error naming it: `<path>: cannot read (no such file)`,
 * `(is a directory)` or Node's message for other failures, and `<path>: not JSON (…)`.
 */
export function readJsonFile(path: string, errorOf: JsonErrorOf): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw errorOf(`${path}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message})`);
  }
  return parseJsonText(text, path, errorOf);
}
