import { extname, resolve } from 'path';

/** A local Lambda handler: a JavaScript file and the name of its exported function. */
export interface LambdaHandlerSpec {
  /** Absolute path of the file. */
  readonly file: string;
  /** The export to call (`handler` unless the spec names another). */
  readonly handler: string;
}

/** The export a spec without `#name` calls, as Lambda's Node.js runtimes name it by convention. */
export const DEFAULT_HANDLER_NAME = 'handler';
const EXTENSIONS = new Set(['.js', '.cjs', '.mjs']);

/** `file.js[#handler]`, relative paths against `baseDir`; a file that is not .js, .cjs or .mjs is refused. */
export function parseHandlerSpec(spec: string, baseDir: string = process.cwd()): LambdaHandlerSpec {
  const hash = spec.lastIndexOf('#');
  const path = hash < 0 ? spec : spec.slice(0, hash);
  const handler = hash < 0 ? DEFAULT_HANDLER_NAME : spec.slice(hash + 1);
  if (path === '' || !EXTENSIONS.has(extname(path))) {
    throw new Error(`Lambda handler '${spec}': expected <file.js|file.cjs|file.mjs>[#export], got a file ending in '${extname(path) || '(none)'}'`);
  }
  if (!/^[A-Za-z_$][\w$]*$/.test(handler)) throw new Error(`Lambda handler '${spec}': '${handler}' is not an export name`);
  return { file: resolve(baseDir, path), handler };
}
