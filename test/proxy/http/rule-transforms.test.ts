import * as https from 'https';
import { Backend, Harness, until } from './harness';
import { isApplicationModel } from '../../../src/core/model/any-load-balancer-model';
import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { formatAccessLogLine, ACCESS_LOG_FIELDS } from '../../../src/proxy/logs/alb-access-log';
import { accessLogRecord } from '../../../src/proxy/logs/from-entry';
import { readSynthesized } from '../../../src/readers';
import { routeFor } from '../../../src/testing';
import { rewriteOutputs } from '../../support/rule-transforms';

/** Rule transforms in the proxy, over the output of both engines that write them (CloudFormation and lbkit/cdktn). */
const outputs = rewriteOutputs();
const MODELS: Array<[string, LoadBalancerModel]> = Object.entries(outputs).map(([engine, { output }]) => {
  const [model] = readSynthesized(output).models;
  if (!isApplicationModel(model)) throw new Error(`${engine}: expected an application load balancer`);
  return [engine, model];
});

describe.each(MODELS)('%s', (_engine, model) => {
  const h = new Harness();
  afterEach(() => h.close());

  async function start() {
    const names = model.targetGroups.map((g) => g.name);
    backends = Object.fromEntries(await Promise.all(names.map(async (n) => [n, [await h.backend(n)]] as [string, Backend[]])));
    return h.proxy(model, backends);
  }
  let backends: Record<string, Backend[]> = {};

  test('a URL rewrite: /old/* reaches its target as /new/..., query included; routing used the original path', async () => {
    const p = await start();
    const seen = (await h.call(p, '/old/users/7?x=1')).json();
    expect([seen.id, seen.url, seen.headers.host]).toEqual(['legacy', '/new/users/7?x=1', 'api.example.com']);
  });

  test('a host rewrite is what the target sees as Host; the path is unchanged', async () => {
    const p = await start();
    const seen = (await h.call(p, '/orders', { headers: { host: 'acme.example.org' } })).json();
    expect([seen.id, seen.headers.host, seen.url]).toEqual(['tenant', 'acme.internal.example.com', '/orders']);
  });

  test('both rewrites on one rule; a regex that does not match leaves that part unchanged', async () => {
    const p = await start();
    const both = (await h.call(p, '/both/v2/items')).json();
    expect([both.id, both.headers.host, both.url]).toEqual(['both', 'backend.example.com', '/api/items?version=2']);
    const unmatched = (await h.call(p, '/both/latest', { headers: { host: 'www.example.com' } })).json();
    expect([unmatched.id, unmatched.headers.host, unmatched.url]).toEqual(['both', 'www.example.com', '/both/latest']);
  });

  test('a rule without transforms forwards as before', async () => {
    const p = await start();
    const seen = (await h.call(p, '/plain/old/x')).json();
    expect([seen.id, seen.url, seen.headers.host]).toEqual(['plain', '/plain/old/x', 'api.example.com']);
  });

  test('a match whose rewrite fails (no request target) is answered 500 by the load balancer; the target sees nothing', async () => {
    const p = await start();
    const res = await h.call(p, '/broken/x');
    expect(res.status).toBe(500);
    expect(backends.broken[0].requests).toBe(0);
  });

  test('lbkit/testing routeFor says what the target receives, without a server', () => {
    expect(routeFor(model, 'https://api.example.com/old/a?x=1').forwarded).toEqual({ host: 'api.example.com', url: '/new/a?x=1' });
    expect(routeFor(model, 'https://acme.example.org/').forwarded).toEqual({ host: 'acme.internal.example.com', url: '/' });
    expect(routeFor(model, 'https://api.example.com/broken/x').forwarded).toBe('failed');
    expect(routeFor(model, 'https://api.example.com/plain/x').forwarded).toBeUndefined();
  });

  test('a WebSocket upgrade is rewritten too: the target sees the new URL and Host, the log the transformed ones', async () => {
    const seen: string[] = [];
    const both = await h.backend('both', undefined, (req, socket) => {
      seen.push(req.url!, req.headers.host!);
      socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    });
    const p = await h.proxy(model, { ...Object.fromEntries(model.targetGroups.map((g) => [g.name, []])), both: [both] });
    const listener = p.listeners.find((l) => l.port === 443)!;
    await new Promise<void>((resolve, reject) => {
      const req = https.request({
        host: '127.0.0.1',
        port: listener.localPort,
        path: '/both/v1/chat',
        rejectUnauthorized: false,
        headers: { host: 'api.example.com', connection: 'Upgrade', upgrade: 'websocket' },
      });
      req.on('upgrade', (_res, socket) => {
        socket.destroy();
        resolve();
      });
      req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
      req.on('error', reject);
      req.end();
    });
    expect(seen).toEqual(['/api/chat?version=1', 'backend.example.com']);
    await until(() => h.logs.length === 1);
    expect(h.logs[0]).toMatchObject({ type: 'wss', transformedHost: 'backend.example.com', transformedUri: '/api/chat?version=1' });
  });

  test('the access log keeps the request as the client sent it and writes transformed_host and transformed_uri', async () => {
    const p = await start();
    await h.call(p, '/both/v3/a');
    await h.call(p, '/plain/x');
    const [rewritten, plain] = h.logs.map((e) => formatAccessLogLine(accessLogRecord(e, { name: model.name })));
    const fields = (line: string) => line.match(/"(?:[^"\\]|\\.)*"|\S+/g)!;
    const at = (name: string) => ACCESS_LOG_FIELDS.indexOf(name);
    expect(fields(rewritten)[at('request')]).toBe('"GET https://api.example.com:443/both/v3/a HTTP/1.1"');
    expect([fields(rewritten)[at('transformed_host')], fields(rewritten)[at('transformed_uri')]]).toEqual(['"backend.example.com"', '"/api/a?version=3"']);
    expect([fields(plain)[at('transformed_host')], fields(plain)[at('transformed_uri')]]).toEqual(['"-"', '"-"']);
  });
});
