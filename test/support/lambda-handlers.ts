import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * Local Lambda handlers for the proxy's tests, written to a temporary directory: each file's path by name.
 * `echo` answers with the event it saw (so a test can assert it); the others cover the ways a function fails.
 */
const HANDLERS: Record<string, string> = {
  'echo.js': `exports.handler = async (event) => ({
    statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false,
    headers: { 'content-type': 'application/json', 'x-handler': 'echo' },
    multiValueHeaders: { 'content-type': ['application/json'], 'x-handler': ['echo', 'multi'] },
    body: JSON.stringify(event),
  });`,
  'callback.cjs': `exports.reply = (event, context, callback) => {
    setTimeout(() => callback(null, { statusCode: 201, body: 'callback ' + context.functionName }), 1);
  };`,
  'module.mjs': `export const handler = async () => ({ statusCode: 202, body: 'esm' });
  export default { other: async () => ({ statusCode: 203, body: 'default export' }) };`,
  'binary.js': `exports.handler = async () => ({ statusCode: 200, isBase64Encoded: true, headers: { 'content-type': 'image/png' },
    body: Buffer.from([137, 80, 78, 71]).toString('base64') });`,
  'malformed.js': 'exports.handler = async () => ({ body: \'no status code\' });',
  'throws.js': 'exports.handler = async () => { throw new TypeError(\'boom\'); };',
  'crashes.js': 'exports.handler = () => new Promise(() => { setTimeout(() => { throw new Error(\'uncaught\'); }, 1); });',
  'loops.js': `let calls = 0; exports.handler = async (event) => {
    calls++;
    if (event.path === '/loop') for (;;) {}
    return { statusCode: 200, body: String(calls) };
  };`,
  'sleeps.js': 'exports.handler = (event) => new Promise((r) => setTimeout(() => r({ statusCode: 200, body: \'late\' }), Number(event.queryStringParameters?.ms ?? 10000)));',
  // Waits (up to 3 s) until event.n invocations share the counter in event.shared: only side by side do they all see it.
  'barrier.js': `exports.handler = async (event) => {
    const count = new Int32Array(event.shared);
    Atomics.add(count, 0, 1);
    Atomics.notify(count, 0);
    const end = Date.now() + 3000;
    while (Atomics.load(count, 0) < event.n && Date.now() < end) Atomics.wait(count, 0, Atomics.load(count, 0), 50);
    return { statusCode: 200, body: String(Atomics.load(count, 0) >= event.n) };
  };`,
  'counter.js': 'let calls = 0; exports.handler = async () => ({ statusCode: 200, body: String(++calls) });',
  'large.js': 'exports.handler = async () => ({ statusCode: 200, body: \'x\'.repeat(1100000) });',
  'health.js': 'exports.handler = async (event) => ({ statusCode: event.path === \'/healthy\' ? 200 : 500, body: \'\' });',
  'no-export.js': 'exports.other = async () => ({ statusCode: 200 });',
  'bad-syntax.js': 'exports.handler = async () => ({ statusCode: 200 ;',
};

export interface LambdaHandlerFiles {
  readonly dir: string;
  path(name: string): string;
  remove(): void;
}

export function writeLambdaHandlers(): LambdaHandlerFiles {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-lambda-'));
  for (const [name, source] of Object.entries(HANDLERS)) writeFileSync(join(dir, name), source);
  return {
    dir,
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
