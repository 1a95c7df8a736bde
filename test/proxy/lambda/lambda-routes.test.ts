import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { TargetType } from '../../../src/core/options/enums';
import { AccessLogEntry } from '../../../src/proxy/http/access-log-entry';
import { parseHandlerSpec } from '../../../src/proxy/lambda/handler-spec';
import { accessLogRecord, formatAccessLogLine } from '../../../src/proxy/logs';
import { RuntimeLambdaOptions } from '../../../src/proxy/server';
import { CERT_ARN_1, EngineOptions, ENGINES } from '../../support/engines';
import { LambdaHandlerFiles, writeLambdaHandlers } from '../../support/lambda-handlers';
import { Harness } from '../http/harness';

/**
 * Lambda routes through the ALB proxy: the event the handler saw, the response its result makes, and the
 * ALB's own answers (502 malformed or thrown, 504 past the timeout, 413 over 1 MB), on each engine's read
 * model of a load balancer with single-value and multi-value Lambda routes.
 */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [
    { name: 'single', paths: ['/single/*'], targetType: TargetType.LAMBDA },
    { name: 'multi', paths: ['/multi/*'], targetType: TargetType.LAMBDA, lambdaMultiValueHeaders: true },
    { name: 'broken', paths: ['/broken/*'], targetType: TargetType.LAMBDA },
    { name: 'thrower', paths: ['/throws/*'], targetType: TargetType.LAMBDA },
    { name: 'slow', paths: ['/slow/*'], targetType: TargetType.LAMBDA },
    { name: 'large', paths: ['/large/*'], targetType: TargetType.LAMBDA },
    { name: 'unmapped', paths: ['/unmapped/*'], targetType: TargetType.LAMBDA },
    { name: 'checked', paths: ['/checked/*'], targetType: TargetType.LAMBDA, healthCheck: { path: '/healthy', intervalSeconds: 10, timeoutSeconds: 5, healthyThreshold: 2 } },
  ],
};

const MODELS: Array<[string, LoadBalancerModel]> = ENGINES.map((engine) => [engine.name, engine.synth(OPTIONS).model]);

let files: LambdaHandlerFiles;
beforeAll(() => {
  files = writeLambdaHandlers();
});
afterAll(() => files.remove());

function lambda(): RuntimeLambdaOptions {
  const spec = (s: string) => parseHandlerSpec(s, files.dir);
  return {
    timeoutSeconds: 3,
    handlers: {
      single: spec('echo.js'),
      multi: spec('echo.js'),
      broken: spec('malformed.js'),
      thrower: spec('throws.js'),
      slow: spec('sleeps.js'),
      large: spec('large.js'),
      checked: spec('health.js'),
    },
  };
}

describe.each(MODELS)('%s', (_name, model) => {
  const h = new Harness();
  afterEach(() => h.close());
  // Time scale 10: the 3 s timeout is 300 ms.
  const start = () => h.proxy(model, {}, 10, { lambda: lambda() });

  test('single-value: the event AWS documents, the result as the response', async () => {
    const proxy = await start();
    const res = await h.call(proxy, '/single/items?a=1&q=%3Fx%3Dy&a=2', { headers: { 'x-tenant': 'acme' } });
    expect(res.status).toBe(200);
    expect(res.headers['x-handler']).toBe('echo');
    expect(res.headers['content-type']).toBe('application/json');
    const event = res.json();
    expect(event).toMatchObject({
      requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:local:000000000000:targetgroup/single/lbkit-local' } },
      httpMethod: 'GET',
      path: '/single/items',
      queryStringParameters: { a: '2', q: '%3Fx%3Dy' },
      body: '',
      isBase64Encoded: false,
    });
    expect(event.headers).toMatchObject({ 'host': 'api.example.com', 'x-tenant': 'acme', 'x-forwarded-proto': 'https', 'x-forwarded-port': '443' });
    expect(event.headers['x-amzn-trace-id']).toMatch(/^Root=1-/);
    expect(event.multiValueHeaders).toBeUndefined();
    expect(event.multiValueQueryStringParameters).toBeUndefined();
  });

  test('multi-value: lists in the event, multiValueHeaders in the response; a POST body as text', async () => {
    const proxy = await start();
    const res = await h.call(proxy, '/multi/items?a=1&a=2', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
    expect(res.status).toBe(200);
    expect(res.headers['x-handler']).toEqual(['echo', 'multi']);
    const event = res.json();
    expect(event.multiValueQueryStringParameters).toEqual({ a: ['1', '2'] });
    expect(event.multiValueHeaders['content-type']).toEqual(['application/json']);
    expect(event).toMatchObject({ httpMethod: 'POST', body: '{"n":1}', isBase64Encoded: false });
    expect(event.headers).toBeUndefined();
    expect(event.queryStringParameters).toBeUndefined();
  });

  test('a binary body goes base64', async () => {
    const proxy = await start();
    const res = await h.call(proxy, '/single/upload', { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: 'bytes' });
    expect(res.json()).toMatchObject({ body: Buffer.from('bytes').toString('base64'), isBase64Encoded: true });
  });

  test('malformed result and thrown error: the ALB\'s 502 page; the log names the Lambda error', async () => {
    const proxy = await start();
    for (const path of ['/broken/x', '/throws/x', '/large/x']) {
      const res = await h.call(proxy, path);
      expect(res.status).toBe(502);
      expect(res.headers.server).toBeUndefined(); // lbkit turns the load balancer's Server header off
      expect(res.text).toContain('<center><h1>502 Bad Gateway</h1></center>');
    }
    await waitForLogs(h.logs, 3);
    const record = (e: AccessLogEntry) => accessLogRecord(e, { name: 'lb' });
    expect(h.logs.map((e) => record(e).errorReason)).toEqual(['LambdaInvalidResponse', 'LambdaUnhandled', 'LambdaResponseTooLarge']);
    expect(h.logs.map((e) => record(e).targetIp)).toEqual([undefined, undefined, undefined]);
    // AWS's line: target:port `-`, target_status_code `-` (no valid answer), error_reason set.
    const line = formatAccessLogLine(record(h.logs[0]));
    expect(line).toMatch(/^https \S+ app\/lb\/lbkit-local 127\.0\.0\.1:\d+ - [\d.]+ [\d.]+ [\d.]+ 502 - /);
    expect(line).toContain('"LambdaInvalidResponse"');
  });

  test('past the function timeout: 504', async () => {
    const proxy = await start();
    const res = await h.call(proxy, '/slow/x?ms=5000');
    expect(res.status).toBe(504);
    expect(res.headers.server).toBeUndefined(); // lbkit turns the load balancer's Server header off
    // The next request gets a fresh worker and is served.
    expect((await h.call(proxy, '/slow/x?ms=1')).text).toBe('late');
  });

  test('a request body over 1 MB: 413, and the connection stays usable', async () => {
    const proxy = await start();
    const res = await h.call(proxy, '/single/upload', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(1_048_577) });
    expect(res.status).toBe(413);
    expect(res.headers.server).toBeUndefined(); // lbkit turns the load balancer's Server header off
    expect((await h.call(proxy, '/single/after')).status).toBe(200);
  });

  test('a Lambda route without a local handler answers 502', async () => {
    const proxy = await start();
    expect((await h.call(proxy, '/unmapped/x')).status).toBe(502);
  });

  test('health checks: unavailable while off; when on, the handler is invoked with the check path', async () => {
    const proxy = await start();
    const health = () => Object.fromEntries(proxy.targetHealth().map((g) => [g.targetGroup, g.targets]));
    expect(health().single).toEqual([{ id: 'single', state: 'unavailable', reason: 'Target.HealthCheckDisabled' }]);
    await until(() => health().checked[0].state === 'healthy');
  });

  test('the access log: target `-`, the function\'s status as the target status', async () => {
    const proxy = await start();
    await h.call(proxy, '/single/x');
    await waitForLogs(h.logs, 1);
    const record = accessLogRecord(h.logs[0], { name: 'lb' });
    expect(record).toMatchObject({ elbStatusCode: 200, targetStatusCode: 200, targetIp: undefined, errorReason: undefined });
    expect(record.targetGroupArn).toBe('arn:aws:elasticloadbalancing:local:000000000000:targetgroup/single/lbkit-local');
    expect(h.logs[0].targetProcessingTime).toBeGreaterThanOrEqual(0);
  });
});

async function waitForLogs(logs: unknown[], n: number): Promise<void> {
  await until(() => logs.length >= n);
}

async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
