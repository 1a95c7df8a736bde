import { parseHandlerSpec } from '../../../src/proxy/lambda/handler-spec';
import { InvokeOutcome, LambdaInvoker } from '../../../src/proxy/lambda/lambda-invoker';
import { LambdaHandlerFiles, writeLambdaHandlers } from '../../support/lambda-handlers';

let files: LambdaHandlerFiles;
const invokers: LambdaInvoker[] = [];

beforeAll(() => {
  files = writeLambdaHandlers();
});
afterAll(async () => {
  await Promise.all(invokers.map((i) => i.close()));
  files.remove();
});

function invoker(spec: string, timeoutMs = 2000): LambdaInvoker {
  const i = new LambdaInvoker(parseHandlerSpec(spec, files.dir), { timeoutMs, functionName: 'api' });
  invokers.push(i);
  return i;
}

function payload(outcome: InvokeOutcome): unknown {
  if (outcome.kind !== 'result') throw new Error(`expected a result, got ${JSON.stringify(outcome)}`);
  return JSON.parse(outcome.payload);
}

describe('parseHandlerSpec', () => {
  test('file with and without #export, resolved against the base directory', () => {
    expect(parseHandlerSpec('fn/index.js', '/srv')).toEqual({ file: '/srv/fn/index.js', handler: 'handler' });
    expect(parseHandlerSpec('/abs/h.mjs#main', '/srv')).toEqual({ file: '/abs/h.mjs', handler: 'main' });
  });
  test('other extensions and bad export names are refused, naming the spec', () => {
    expect(() => parseHandlerSpec('handler.ts')).toThrow(/Lambda handler 'handler.ts'.*\.ts/);
    expect(() => parseHandlerSpec('h.js#not-a-name')).toThrow(/'not-a-name' is not an export name/);
  });
});

describe('LambdaInvoker', () => {
  test('an async handler in .js gets the event and its result comes back as JSON', async () => {
    const result = payload(await invoker('echo.js').invoke({ path: '/x' })) as { body: string };
    expect(JSON.parse(result.body)).toEqual({ path: '/x' });
  });

  test('a callback-style handler in .cjs, named after #, with the context', async () => {
    expect(payload(await invoker('callback.cjs#reply').invoke({}))).toEqual({ statusCode: 201, body: 'callback api' });
  });

  test('.mjs: a named export, or the name on the default export', async () => {
    expect(payload(await invoker('module.mjs').invoke({}))).toEqual({ statusCode: 202, body: 'esm' });
    expect(payload(await invoker('module.mjs#other').invoke({}))).toEqual({ statusCode: 203, body: 'default export' });
  });

  test('a thrown error, an uncaught one, a missing export and a file that does not parse are function errors', async () => {
    expect(await invoker('throws.js').invoke({})).toMatchObject({ kind: 'error', errorType: 'TypeError', errorMessage: 'boom' });
    expect(await invoker('crashes.js').invoke({})).toMatchObject({ kind: 'error', errorMessage: 'uncaught' });
    expect(await invoker('no-export.js').invoke({})).toMatchObject({ kind: 'error', errorType: 'Runtime.HandlerNotFound' });
    expect(await invoker('bad-syntax.js').invoke({})).toMatchObject({ kind: 'error', errorType: 'SyntaxError' });
  });

  test('warm workers keep module state between invocations', async () => {
    const i = invoker('counter.js');
    expect(payload(await i.invoke({}))).toMatchObject({ body: '1' });
    expect(payload(await i.invoke({}))).toMatchObject({ body: '2' });
  });

  test('an infinite loop is stopped at the timeout and the next invocation gets a fresh worker', async () => {
    const i = invoker('loops.js', 300);
    expect(payload(await i.invoke({ path: '/' }))).toMatchObject({ body: '1' });
    const looped = await i.invoke({ path: '/loop' });
    expect(looped.kind).toBe('timeout');
    expect(looped.ms).toBeGreaterThanOrEqual(290);
    // A fresh worker: its module state starts again.
    expect(payload(await i.invoke({ path: '/' }))).toMatchObject({ body: '1' });
  });

  test('overlapping invocations run side by side, each in a worker of its own', async () => {
    const i = invoker('barrier.js', 5000);
    const event = { shared: new SharedArrayBuffer(4), n: 3 };
    const outcomes = await Promise.all([1, 2, 3].map(() => i.invoke(event)));
    expect(outcomes.map((o) => payload(o))).toEqual([1, 2, 3].map(() => ({ statusCode: 200, body: 'true' })));
  });
});
