import { PassThrough } from 'stream';
import { LoadBalancerModel } from '../../../../src/core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../../../../src/core/model/network-load-balancer-model';
import { listenerViews } from '../../../../src/proxy/admin/status-page/listener-views';
import { RecentAccessLog, teeAccessLog } from '../../../../src/proxy/admin/status-page/recent-access-log';
import { RingBuffer } from '../../../../src/proxy/admin/status-page/ring-buffer';
import { TrafficHistory } from '../../../../src/proxy/admin/status-page/traffic-history';
import { AccessLogEntry } from '../../../../src/proxy/http/access-log-entry';
import { TargetGroupMetrics } from '../../../../src/proxy/http/metrics';
import { accessLogWriter } from '../../../../src/proxy/logs';
import { NetworkTargetGroupMetrics } from '../../../../src/proxy/tcp/network-metrics';

test('RingBuffer keeps the last items, oldest first, and refuses a capacity below 1', () => {
  const ring = new RingBuffer<number>(3);
  expect(ring.items()).toEqual([]);
  for (let i = 1; i <= 2; i++) ring.push(i);
  expect(ring.items()).toEqual([1, 2]);
  for (let i = 3; i <= 7; i++) ring.push(i);
  expect(ring.items()).toEqual([5, 6, 7]);
  expect(ring.size).toBe(3);
  expect(() => new RingBuffer(0)).toThrow('RingBuffer capacity: expected a positive integer, received 0');
});

const alb = (requests: number, http5xx: number, latencySecondsSum: number, latencyCount: number): TargetGroupMetrics => ({
  targetGroup: 'api',
  requests,
  http4xx: 0,
  http5xx,
  target2xx: requests - http5xx,
  target3xx: 0,
  target4xx: 0,
  target5xx: http5xx,
  healthyHostCount: 1,
  unhealthyHostCount: 0,
  latencySecondsSum,
  latencyCount,
  latencyBuckets: [],
});

test('TrafficHistory: per-second rates and the mean latency of each interval from cumulative counters', () => {
  const traffic = new TrafficHistory();
  traffic.sample([alb(10, 0, 1, 10)], 1000); // the baseline: no point
  expect(traffic.history()).toEqual([]);
  traffic.sample([alb(30, 4, 3, 30)], 3000); // 20 requests over 2 s, 20 answered in 2 s in all
  traffic.sample([alb(30, 4, 3, 30)], 4000); // idle: no latency
  traffic.sample([alb(5, 0, 0.5, 5)], 5000); // a reload dropped the counters: counted from zero
  expect(traffic.history()).toEqual([
    { t: 3000, rate: 10, errors: 2, latencyMs: 100 },
    { t: 4000, rate: 0, errors: 0, latencyMs: null },
    { t: 5000, rate: 5, errors: 0, latencyMs: 100 },
  ]);
  expect(traffic.unit).toBe('requests');
});

test('TrafficHistory: a network proxy counts new flows and shows the open ones; ten minutes kept', () => {
  const nlb = (newFlows: number, activeFlows: number): NetworkTargetGroupMetrics => ({
    targetGroup: 'game',
    newFlows,
    activeFlows,
    processedBytes: 0,
    healthyHostCount: 1,
    unhealthyHostCount: 0,
    tcpTargetResets: 0,
    tlsHandshakeErrors: 0,
    tcpElbResets: 0,
  });
  const traffic = new TrafficHistory();
  for (let s = 0; s <= 700; s++) traffic.sample([nlb(s * 3, s % 5)], s * 1000);
  const points = traffic.history();
  expect(points).toHaveLength(600);
  expect(points[599]).toEqual({ t: 700_000, rate: 3, activeFlows: 0 });
  expect(points[0].t).toBe(101_000);
  expect(traffic.unit).toBe('flows');
});

test('listener views: rules in words by priority, the default last; weights, sign-in, fixed responses; unmapped listeners', () => {
  const model = {
    kind: 'application',
    listeners: [{
      port: 443,
      protocol: 'HTTPS',
      rules: [
        {
          route: 'admin',
          priority: 10,
          conditions: { hostHeaders: ['a.example.com', 'b.example.com'], pathPatterns: ['/admin/*'] },
          authenticate: { type: 'authenticate-oidc', issuer: 'https://idp.example.com' },
          action: { type: 'forward', targetGroups: [{ name: 'admin', weight: 1 }] },
        },
        {
          route: 'api',
          priority: 20,
          conditions: { httpHeaders: [{ name: 'x-canary', values: ['1'] }], queryStrings: [{ key: 'v', value: '2' }, { value: 'beta' }], httpRequestMethods: ['GET'] },
          action: { type: 'forward', targetGroups: [{ name: 'api', weight: 9 }, { name: 'canary', weight: 1 }], stickinessSeconds: 60 },
        },
        { route: 'gone', priority: 30, conditions: { sourceIps: ['10.0.0.0/8'] }, action: { type: 'fixed-response', statusCode: '410' } },
      ],
      defaultAction: { type: 'fixed-response', statusCode: '404', contentType: 'text/plain' },
    }],
  } as unknown as LoadBalancerModel;
  expect(listenerViews(model, [])).toEqual([{
    port: 443,
    protocol: 'HTTPS',
    rules: [
      {
        priority: 10,
        route: 'admin',
        conditions: ['host a.example.com or b.example.com', 'path /admin/*'],
        signIn: 'sign in at https://idp.example.com',
        action: { type: 'forward', text: 'forward admin' },
      },
      {
        priority: 20,
        route: 'api',
        conditions: ['method GET', 'header x-canary: 1', 'query v=2 or beta'],
        action: { type: 'forward', text: 'forward api (weight 9), canary (weight 1), group stickiness 60 s' },
      },
      { priority: 30, route: 'gone', conditions: ['source 10.0.0.0/8'], action: { type: 'fixed-response', text: 'fixed response 410' } },
      { priority: 'default', conditions: [], action: { type: 'fixed-response', text: 'fixed response 404 text/plain' } },
    ],
  }]);
});

test('listener views: a network listener forwards to its target group; local ports where served', () => {
  const model = {
    kind: 'network',
    listeners: [
      { name: 'game', port: 7777, protocol: 'UDP', targetGroup: 'game' },
      { name: 'voice', port: 7778, protocol: 'TCP_UDP', targetGroup: 'voice' },
    ],
  } as unknown as NetworkLoadBalancerModel;
  expect(listenerViews(model, [{ port: 7777, localPort: 40001 }])).toEqual([
    { port: 7777, protocol: 'UDP', localPort: 40001, rules: [{ priority: 'default', route: 'game', conditions: [], action: { type: 'forward', text: 'forward game' } }] },
    { port: 7778, protocol: 'TCP_UDP', rules: [{ priority: 'default', route: 'voice', conditions: [], action: { type: 'forward', text: 'forward voice' } }] },
  ]);
});

test('the recent access-log lines are the lines --access-log writes, the last 50; teeAccessLog feeds both', () => {
  const stream = new PassThrough();
  let written = '';
  stream.on('data', (d) => { written += String(d); });
  const lb = { name: 'Api' };
  const recent = new RecentAccessLog(lb);
  const both = teeAccessLog(accessLogWriter(stream).forProxy(lb), undefined, recent.record)!;
  for (let i = 0; i < 60; i++) both(entry(`/item/${i}`));
  const lines = written.trimEnd().split('\n');
  expect(lines).toHaveLength(60);
  expect(recent.lines()).toEqual(lines.slice(10));
  expect(recent.lines()[0]).toContain('"GET http://api.example.com:80/item/10 HTTP/1.1"');
  expect(teeAccessLog(undefined, recent.record)).toBe(recent.record);
  expect(teeAccessLog(undefined)).toBeUndefined();
});

function entry(path: string): AccessLogEntry {
  return {
    type: 'http',
    time: '2026-12-04T10:00:00.000Z',
    requestCreationTime: '2026-12-04T10:00:00.000Z',
    clientIp: '127.0.0.1',
    clientPort: 5000,
    target: '127.0.0.1:3001',
    targetGroup: 'api',
    requestProcessingTime: 0,
    targetProcessingTime: 0.002,
    responseProcessingTime: 0,
    elbStatusCode: 200,
    targetStatusCode: 200,
    receivedBytes: 100,
    sentBytes: 200,
    method: 'GET',
    url: `http://api.example.com:80${path}`,
    httpVersion: 'HTTP/1.1',
    userAgent: 'test',
    traceId: 'Root=1-00000000-000000000000000000000000',
    matchedRulePriority: 'default',
    actionsExecuted: ['forward'],
    listenerPort: 80,
  } as AccessLogEntry;
}
