import { connect as tcpConnect } from 'net';
import { connect as tlsConnect } from 'tls';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { ENGINES, removeTempDirs, tempJsonFile } from './engines';
import { LocalLoadBalancer, startLocalLoadBalancer, TestingKitError } from '../../src/testing';
import { synth } from '../aws-cdk/fixtures';

afterAll(removeTempDirs);

let running: LocalLoadBalancer[] = [];
afterEach(async () => {
  for (const lb of running) await lb.close();
  running = [];
});

async function start(...args: Parameters<typeof startLocalLoadBalancer>): Promise<LocalLoadBalancer> {
  const lb = await startLocalLoadBalancer(...args);
  running.push(lb);
  return lb;
}

const answer = (name: string) => (req: import('http').IncomingMessage, res: import('http').ServerResponse) => {
  res.end(`${name} ${req.headers.host} ${req.url}`);
};

describe.each(ENGINES)('a local load balancer from $engine', (engine) => {
  test('from the stack: handler targets, real hostnames over HTTPS, the redirect, free ports', async () => {
    const lb = await start(engine.webApiStack(), { targets: { 'api-v1': answer('v1'), 'web': [answer('web')] } });
    expect(lb.listeners.map((l) => [l.port, l.protocol])).toEqual([[80, 'HTTP'], [443, 'HTTPS']]);
    expect(lb.listeners.every((l) => l.localPort > 0 && l.localPort !== l.port)).toBe(true);
    expect(lb.url('https')).toBe(`https://127.0.0.1:${lb.port(443)}`);

    const v1 = await lb.fetch('https://api.example.com/v1/users');
    expect(await v1.text()).toBe('v1 api.example.com /v1/users');
    expect(await (await lb.fetch('https://www.example.com/')).text()).toBe('web www.example.com /');
    const redirect = await lb.fetch('http://api.example.com/v1/a?b=1', { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('https://api.example.com:443/v1/a?b=1');
    expect((await lb.fetch('https://api.example.com/health')).status).toBe(200);
    // No target mapped: the load balancer's own 503.
    expect((await lb.fetch('https://ws.example.com/')).status).toBe(503);
  });

  test('target health, deregister and register', async () => {
    const lb = await start(engine.webApiStack(), { targets: { web: answer('one') }, timeScale: 100 });
    const [first] = lb.targets('web');
    await lb.waitForHealthy('web');
    expect(lb.targetHealth('web')).toEqual([{ id: `127.0.0.1:${first.port}`, state: 'healthy' }]);
    expect(lb.targetHealth().map((g) => g.targetGroup)).toContain('api-v1');

    const second = await lb.register('web', answer('two'));
    await lb.deregister('web', first);
    expect(lb.targets('web')).toEqual([second]);
    // Deregistered, still listed draining until the delay (300 s / 100) ends, as AWS shows it.
    expect(lb.targetHealth('web').find((t) => t.id === `127.0.0.1:${first.port}`)).toEqual({ id: `127.0.0.1:${first.port}`, state: 'draining', reason: 'Target.DeregistrationInProgress' });
    expect(await (await lb.fetch('https://api.example.com/')).text()).toBe('two api.example.com /');
    await expect(lb.deregister('web', '127.0.0.1:1')).rejects.toThrow(/deregister: web has no target 127\.0\.0\.1:1/);
  });
});

test('from a synthesized file, with a host:port target', async () => {
  const backend = await start(ENGINES[0].webApiStack(), { targets: { web: answer('backend') } });
  const file = tempJsonFile(ENGINES[1].webApiJson(), 'cdk.tf.json');
  const lb = await start(file, { targets: { web: `127.0.0.1:${backend.port(80)}` } });
  // The front's web target is the backend's HTTP listener, which redirects: its answer comes back as is.
  const res = await lb.fetch('https://api.example.com/x', { redirect: 'manual' });
  expect(res.status).toBe(301);
  expect(res.headers.get('location')).toBe('https://api.example.com:443/x');
});

describe.each(ENGINES)('a local network load balancer from $engine', (engine) => {
  test('TCP through a handler; TLS terminated with the local CA', async () => {
    const echo = { tcp: (socket: import('net').Socket) => socket.on('data', (d) => socket.write(`echo ${d}`)) };
    const lb = await start(engine.gameServerStack(), { targets: { game: echo, mqtt: echo } });
    const tcp = await exchange(tcpConnect(lb.port(7777), '127.0.0.1'), 'connect', 'hello');
    expect(tcp).toBe('echo hello');
    const tls = await exchange(tlsConnect({ port: lb.port(8883), host: '127.0.0.1', servername: 'mqtt.example.com', ca: lb.caCertificate }),
      'secureConnect', 'ping');
    expect(tls).toBe('echo ping');
    expect(lb.url(8883)).toBe(`tls://127.0.0.1:${lb.port(8883)}`);
  });
});

function exchange(socket: import('net').Socket, ready: 'connect' | 'secureConnect', text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once(ready, () => socket.write(text));
    socket.once('data', (d) => { socket.destroy(); resolve(String(d)); });
    socket.once('error', reject);
  });
}

describe('bad input: one error naming the stack and the route', () => {
  test('a target for a group the load balancer does not have', async () => {
    await expect(startLocalLoadBalancer(ENGINES[0].webApiStack(), { targets: { orders: '127.0.0.1:3000' } })).rejects.toThrow(
      new TestingKitError('stack WebApiStack: targets.orders: load balancer Api has no target group named orders '
        + '(target groups: api-v1, api-v2, api-v2-canary, upload, web, websocket)'));
    await expect(startLocalLoadBalancer(ENGINES[1].webApiStack(), { targets: { web: 'nowhere' } }))
      .rejects.toThrow("terraform stack web-api: targets.web: 'nowhere' is not host:port (e.g. 127.0.0.1:3001)");
  });

  test('a stack with no lbkit load balancer', async () => {
    const stack = new Stack(new App(), 'Empty');
    new Bucket(stack, 'Bucket');
    await expect(startLocalLoadBalancer(stack)).rejects.toThrow(/^stack Empty: CloudFormation template: no application or network load balancer found/);
  });

  test('several load balancers and none chosen; a name that is not there', async () => {
    const web = ENGINES[0].webApiJson();
    const game = Template.fromStack(ENGINES[0].gameServerStack() as Stack).toJSON();
    const both = { ...web, Resources: { ...web.Resources, ...game.Resources } };
    await expect(startLocalLoadBalancer(both)).rejects.toThrow(
      'synthesized JSON: 2 load balancers (Api (application), Game (network)); choose one with the loadBalancer option');
    await expect(startLocalLoadBalancer(both, { loadBalancer: 'Shop' })).rejects.toThrow(
      'synthesized JSON: loadBalancer: no load balancer named Shop (has: Api (application), Game (network))');
    const lb = await start(both, { loadBalancer: 'Game' });
    expect(lb.model.kind).toBe('network');
  });

  test('a missing file, and something that is not a stack', async () => {
    await expect(startLocalLoadBalancer('/nonexistent/cdk.tf.json')).rejects.toThrow('/nonexistent/cdk.tf.json: cannot read (no such file)');
    await expect(startLocalLoadBalancer(new Map())).rejects.toThrow('expected a CDK Stack, a cdktf TerraformStack, a synthesized file or its JSON, received a Map');
  });
});

test('imported certificates: the local certificate names the alias records and host conditions', async () => {
  const { h } = synth({
    aliasRecordNames: ['shop.example.com'],
    routes: [{ name: 'admin', hosts: ['admin.example.com'], port: 8080 }, { name: 'api', paths: ['/api/*'], port: 8080 }],
  });
  const lb = await start(h.stack, { targets: { admin: answer('admin'), api: answer('api') } });
  expect(await (await lb.fetch('https://admin.example.com/')).text()).toBe('admin admin.example.com /');
  expect(await (await lb.fetch('https://shop.example.com/api/x')).text()).toBe('api shop.example.com /api/x');
});

test('a target failing its health check: unhealthy, and waitForHealthy says so', async () => {
  const failing = (_req: import('http').IncomingMessage, res: import('http').ServerResponse) => { res.statusCode = 500; res.end('down'); };
  const lb = await start(ENGINES[0].webApiStack(), { targets: { web: failing }, timeScale: 100 });
  const [target] = lb.targets('web');
  await expect(lb.waitForHealthy('web', 1, 1000)).rejects.toThrow(
    `stack WebApiStack: waitForHealthy: web has 0 healthy target(s) of 1 wanted after 1000 ms (127.0.0.1:${target.port} unhealthy)`);
  expect(lb.targetHealth('web')).toEqual([{ id: `127.0.0.1:${target.port}`, state: 'unhealthy', reason: 'Target.ResponseCodeMismatch' }]);
  // Fail open, as an ALB does when no target is healthy.
  expect((await lb.fetch('https://api.example.com/')).status).toBe(500);
});
