import * as net from 'net';
import { AddressInfo } from 'net';
import { DnsHarness, firstAddress, resolve, until } from './support';
import { EndpointHealthProtocol, FailoverRole, RoutingPolicy } from '../../../src/core/options/enums';
import { MIN_CHECK_TIMEOUT_MS } from '../../../src/proxy/dns/emulation-constants';
import { route53HostHeader } from '../../../src/proxy/dns/endpoint-check';
import { Route53HealthState } from '../../../src/proxy/dns/route53-health-state';
import { Engine, ENGINES, GlobalEngineOptions } from '../../support/engines';

/**
 * The kinds of Route 53 health check, each probed against its endpoint's local mapping, over
 * both engines' output: string matching within the body's first 5120 bytes, HTTP on another
 * port (Host header with the port), TCP connects, an IP-address check's Host header, and an
 * alias that evaluates target health without a health check. Time scale 50 (10 s → 200 ms).
 */
const TIME_SCALE = 50;
const SWITCH_WITHIN_MS = 4 * (10_000 / TIME_SCALE) + 1500;
const EU_DNS = 'lbkit-eu-0123456789.eu-west-1.elb.amazonaws.com';
const US_DNS = 'lbkit-us-0123456789.us-east-1.elb.amazonaws.com';
const ZONE = 'Z32O12XQLNTSW2';
const UP = '"status":"UP"';

const failover = (primary: object, secondary: object): GlobalEngineOptions => ({
  recordName: 'api.example.com',
  routingPolicy: RoutingPolicy.FAILOVER,
  endpoints: [
    { name: 'eu', role: FailoverRole.PRIMARY, ...primary },
    { name: 'us', role: FailoverRole.SECONDARY, ...secondary },
  ],
});

test('the status of one check: healthy until `threshold` failures in a row, healthy again after as many passes; the last failure kept', () => {
  const state = new Route53HealthState(3);
  expect(state.healthy).toBe(true);
  const results = [false, false, true, false, false, false, true, true, false, true];
  const seen = results.map((passed) => {
    state.record(passed, passed ? undefined : `fail ${state.checks}`);
    return state.healthy;
  });
  expect(seen).toEqual([true, true, true, true, true, false, false, false, false, false]);
  expect([state.checks, state.lastFailureReason]).toEqual([10, 'fail 8']);
  for (let i = 0; i < 3; i++) state.record(true);
  expect(state.healthy).toBe(true);
});

test('the Host header Route 53 sends: the domain name or else the IP address, with the port unless it is the protocol\'s own', () => {
  const check = { name: 'x', requestIntervalSeconds: 10, failureThreshold: 3, measureLatency: false, regions: [], alarm: false };
  expect(route53HostHeader({ ...check, type: 'HTTPS', fqdn: EU_DNS, port: 443 })).toBe(EU_DNS);
  expect(route53HostHeader({ ...check, type: 'HTTP', fqdn: EU_DNS, port: 443 })).toBe(`${EU_DNS}:443`);
  expect(route53HostHeader({ ...check, type: 'HTTP_STR_MATCH', ipAddress: '192.0.2.10', port: 80 })).toBe('192.0.2.10');
  expect(route53HostHeader({ ...check, type: 'HTTPS', ipAddress: '2001:db8::1', port: 8443 })).toBe('[2001:db8::1]:8443');
  expect(route53HostHeader({ ...check, type: 'HTTPS', fqdn: '<ref>', port: 443 })).toBeUndefined();
});

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new DnsHarness();
  afterEach(() => h.close());

  test('HTTPS_STR_MATCH: healthy while the string lies within the first 5120 bytes of a body read within 2 s; HTTP on port 8080 sends Host name:8080', async () => {
    const model = engine.synthGlobal(failover(
      { dnsName: EU_DNS, hostedZoneId: ZONE, healthCheck: { searchString: UP } },
      { dnsName: US_DNS, hostedZoneId: ZONE, healthCheck: { protocol: EndpointHealthProtocol.HTTP, port: 8080 } },
    )).dns;
    expect(model.healthChecks.map((c) => c.type)).toEqual(['HTTPS_STR_MATCH', 'HTTP']);
    const eu = await h.backend('127.0.0.2');
    const us = await h.backend('127.0.0.3', 'HTTP');
    eu.body = `{${UP}}`;
    const dns = await h.dns({ models: [model], endpoints: { eu: eu.endpoint, us: us.endpoint }, timeScale: TIME_SCALE });
    await until(() => us.checks > 0 && eu.checks >= 3, 3000, 'first checks');
    expect(us.requests[0].host).toBe(`${US_DNS}:8080`);
    expect(dns.endpointHealth()[0]).toMatchObject({ healthy: true });

    eu.body = 'x'.repeat(5120 - UP.length + 1) + UP; // ends one byte past the window
    await until(async () => (await firstAddress(dns, 'api.example.com')) === '127.0.0.3', SWITCH_WITHIN_MS, 'string past 5120 bytes');
    expect(dns.endpointHealth()[0].lastFailureReason).toBe('Failure: the search string was not in the first 5120 bytes of the response body');

    eu.body = 'x'.repeat(5120 - UP.length) + UP; // ends exactly at the window's end
    await until(async () => (await firstAddress(dns, 'api.example.com')) === '127.0.0.2', SWITCH_WITHIN_MS, 'string within 5120 bytes');

    eu.stallBody = true; // the status, then no body within 2 s (scaled, at least 500 ms)
    await until(async () => (await firstAddress(dns, 'api.example.com')) === '127.0.0.3', SWITCH_WITHIN_MS + 3 * MIN_CHECK_TIMEOUT_MS, 'body too late');
    expect(dns.endpointHealth()[0].lastFailureReason).toBe('Failure: the response body did not arrive within 2 s of the status');
  });

  test('TCP checks connect to the endpoint; an IP-address HTTP check sends Host = the address; mapped IPv4 endpoints answer for plain records', async () => {
    const model = engine.synthGlobal(failover(
      { ipv4Addresses: ['192.0.2.10'], healthCheck: { protocol: EndpointHealthProtocol.TCP, port: 5432 } },
      { ipv4Addresses: ['192.0.2.20'], healthCheck: { protocol: EndpointHealthProtocol.HTTP } },
    )).dns;
    const db = net.createServer((socket) => socket.end());
    await h.listen(db, '127.0.0.2');
    const dbEndpoint = { host: '127.0.0.2', port: (db.address() as AddressInfo).port };
    const dr = await h.backend('127.0.0.3', 'HTTP');
    const dns = await h.dns({ models: [model], endpoints: { eu: dbEndpoint, us: dr.endpoint }, timeScale: TIME_SCALE });
    expect(await resolve(dns, 'api.example.com')).toEqual([{ address: '127.0.0.2', ttl: 60 }]);
    await until(() => dr.checks > 0, 3000, 'first HTTP check');
    expect(dr.requests[0].host).toBe('192.0.2.20');

    await new Promise((r) => db.close(r));
    await until(async () => (await firstAddress(dns, 'api.example.com')) === '127.0.0.3', SWITCH_WITHIN_MS, 'TCP check failing');
    expect(dns.endpointHealth()[0].lastFailureReason).toBe('Failure: connection failed (ECONNREFUSED)');
    await new Promise<void>((r) => db.listen(dbEndpoint.port, dbEndpoint.host, r));
    await until(async () => (await firstAddress(dns, 'api.example.com')) === '127.0.0.2', SWITCH_WITHIN_MS, 'TCP check passing again');
  });

  test('an alias evaluating target health without a health check: healthy while its endpoint accepts connections', async () => {
    const model = engine.synthGlobal(failover(
      { dnsName: EU_DNS, hostedZoneId: ZONE, healthCheck: { enabled: false } },
      { dnsName: US_DNS, hostedZoneId: ZONE },
    )).dns;
    expect(model.records.map((r) => [r.setIdentifier, r.healthCheck, r.alias?.evaluateTargetHealth])).toEqual([['eu', undefined, true], ['us', 'us', true]]);
    const lb = net.createServer((socket) => socket.end());
    await h.listen(lb, '127.0.0.2');
    const us = await h.backend('127.0.0.3');
    const dns = await h.dns({ models: [model], endpoints: { eu: { host: '127.0.0.2', port: (lb.address() as AddressInfo).port }, us: us.endpoint }, timeScale: TIME_SCALE });
    expect(await firstAddress(dns, 'api.example.com')).toBe('127.0.0.2');
    await until(() => dns.endpointHealth()[0].checks > 0, 3000, 'target-health checks');
    await new Promise((r) => lb.close(r));
    await until(async () => (await firstAddress(dns, 'api.example.com')) === '127.0.0.3', SWITCH_WITHIN_MS, 'target unhealthy');
  });
});
