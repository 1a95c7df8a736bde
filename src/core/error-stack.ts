import { dirname, join, sep } from 'path';

// A validation error is about the user's input: its trace should lead to the user's code, and `cdk synth`
// should print its one-line message first. Node's and ts-node's uncaught-error printers (source-map-support)
// put the source line of the first `at fn (file:line:col)` frame above the message; frames inside lbkit
// would show lbkit's own throw statement there. So the trace keeps only frames outside lbkit, written as
// `at file:line:col` (a form editors and terminals open, and those printers leave alone).

// The package root: this file is lib/core/error-stack.js when compiled, src/core/error-stack.ts under ts-node/jest.
const PACKAGE_ROOT = dirname(dirname(__dirname));
// lbkit's own code, compiled or (through source maps) its sources.
const OWN_CODE = [join(PACKAGE_ROOT, 'lib') + sep, join(PACKAGE_ROOT, 'src') + sep];

// `    at fn (file:line:col)` or `    at file:line:col`.
const FRAME = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

/** Gives a validation error its user-facing stack, captured deep enough to reach the user's frames. */
export function captureUserFacingStack(error: Error, constructor: new (...args: any[]) => Error): void {
  const limit = Error.stackTraceLimit;
  // lbkit's own frames come first and are left out; the default limit (10) would often end inside lbkit.
  if (limit > 0 && limit < 50) Error.stackTraceLimit = 50;
  try {
    Error.captureStackTrace(error, constructor);
  } finally {
    Error.stackTraceLimit = limit;
  }
  if (error.stack) error.stack = userFacingStack(error.stack);
}

/**
 * The error's stack with lbkit's own frames left out and the rest as `at file:line:col`,
 * or the stack unchanged when no frame lies outside lbkit (an error inside lbkit's own CLI or proxy).
 */
export function userFacingStack(stack: string): string {
  const lines = stack.split('\n');
  const firstFrame = lines.findIndex((line) => FRAME.test(line));
  if (firstFrame < 0) return stack;
  const frames = lines.slice(firstFrame).map((line) => FRAME.exec(line)).filter((m): m is RegExpExecArray => m !== null);
  const theirs = frames.filter(([, file]) => !OWN_CODE.some((own) => file.startsWith(own)));
  if (theirs.length === 0) return stack;
  return [...lines.slice(0, firstFrame), ...theirs.map(([, file, line, column]) => `    at ${file}:${line}:${column}`)].join('\n');
}
