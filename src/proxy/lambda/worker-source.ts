/**
 * The code a handler's worker thread runs (plain JavaScript, started with `eval`, so it runs the same from
 * src/ under ts-node or jest and from lib/). It loads the user's file once (`import()` takes .js, .cjs and
 * .mjs alike), answers `ready`, then runs one invocation per message: an async handler's value, or a
 * callback-style handler's (three parameters) callback, as Lambda's Node.js runtime does. The result goes
 * back as JSON text, as Lambda returns it (undefined → `null`).
 */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const { pathToFileURL } = require('url');

function errorOf(e) {
  if (e instanceof Error) return { errorType: e.name || 'Error', errorMessage: String(e.message) };
  return { errorType: 'Error', errorMessage: typeof e === 'string' ? e : JSON.stringify(e) ?? String(e) };
}

const loaded = import(pathToFileURL(workerData.file).href).then((m) => {
  const handler = m[workerData.handler] ?? (m.default ? m.default[workerData.handler] : undefined);
  if (typeof handler !== 'function') {
    throw Object.assign(new Error(workerData.file + ' exports no function named ' + workerData.handler), { name: 'Runtime.HandlerNotFound' });
  }
  return handler;
});
loaded.then(() => parentPort.postMessage({ type: 'ready' }), (e) => parentPort.postMessage({ type: 'init-error', error: errorOf(e) }));

parentPort.on('message', async (m) => {
  const deadline = Date.now() + m.timeoutMs;
  let settled = false;
  const reply = (answer) => {
    if (settled) return;
    settled = true;
    parentPort.postMessage({ type: 'result', id: m.id, ...answer });
  };
  const fail = (e) => reply({ error: errorOf(e) });
  const succeed = (value) => {
    let payload;
    try {
      payload = JSON.stringify(value === undefined ? null : value);
    } catch (e) {
      return fail(e);
    }
    reply({ payload: payload === undefined ? 'null' : payload });
  };
  const context = {
    functionName: m.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: m.functionArn,
    memoryLimitInMB: '128',
    awsRequestId: m.requestId,
    logGroupName: '/aws/lambda/' + m.functionName,
    logStreamName: 'lbkit-local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: (e, v) => (e ? fail(e) : succeed(v)),
    succeed,
    fail,
  };
  try {
    const handler = await loaded;
    if (handler.length >= 3) {
      const returned = handler(m.event, context, (e, v) => (e ? fail(e) : succeed(v)));
      if (returned && typeof returned.then === 'function') returned.then(succeed, fail);
    } else {
      succeed(await handler(m.event, context));
    }
  } catch (e) {
    fail(e);
  }
});
`;
