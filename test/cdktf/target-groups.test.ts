import { errorOf, groupsByRoute, synth, VPC_ID, warningsOf } from './fixtures';
import {
  LoadBalancingAlgorithm, RequestDuration, StickinessType, TargetProtocol, TargetProtocolVersion, TargetType,
} from '../../src/core';

describe('6. target groups: health checks, draining, slow start, algorithms, stickiness (Terraform)', () => {
  test('defaults: HTTP to port 8080, IP targets, round robin, drain 300 s, GET /health every 15 s', () => {
    const { tf } = synth();
    expect(groupsByRoute(tf).api).toEqual({
      port: 8080,
      protocol: 'HTTP',
      protocol_version: 'HTTP1',
      target_type: 'ip',
      vpc_id: VPC_ID,
      load_balancing_algorithm_type: 'round_robin',
      slow_start: 0,
      deregistration_delay: '300',
      health_check: {
        enabled: true,
        protocol: 'HTTP',
        path: '/health',
        port: 'traffic-port',
        interval: 15,
        timeout: 5,
        healthy_threshold: 2,
        unhealthy_threshold: 3,
        matcher: '200',
      },
      tags: { 'lbkit:route': 'api' },
      // The replacement exists before the old group goes, so listeners always have a group.
      lifecycle: { create_before_destroy: true },
    });
  });

  test('no name: Terraform generates a unique one (needed by create_before_destroy)', () => {
    const g = groupsByRoute(synth().tf).api;
    expect(g.name).toBeUndefined();
    expect(g.name_prefix).toBeUndefined();
  });

  test('health check overrides, deregistration delay, slow start, protocol and target type', () => {
    const { tf } = synth({
      routes: [{
        name: 'api',
        paths: ['/api/*'],
        port: 8443,
        protocol: TargetProtocol.HTTPS,
        protocolVersion: TargetProtocolVersion.HTTP2,
        targetType: TargetType.INSTANCE,
        deregistrationDelaySeconds: 30,
        slowStartSeconds: 60,
        healthCheck: { path: '/ready', port: 9000, intervalSeconds: 10, timeoutSeconds: 3, healthyThreshold: 3, unhealthyThreshold: 2, healthyHttpCodes: '200-299' },
      }],
    });
    const g = groupsByRoute(tf).api;
    expect(g).toMatchObject({
      port: 8443,
      protocol: 'HTTPS',
      protocol_version: 'HTTP2',
      target_type: 'instance',
      deregistration_delay: '30',
      slow_start: 60,
      health_check: { enabled: true, protocol: 'HTTPS', path: '/ready', port: '9000', interval: 10, timeout: 3, healthy_threshold: 3, unhealthy_threshold: 2, matcher: '200-299' },
    });
  });

  test('a timeout not below the interval is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/a'], healthCheck: { intervalSeconds: 10, timeoutSeconds: 10 } }] })).toBe(
      'Stack/Api: routes["api"].healthCheck.timeoutSeconds must be below intervalSeconds (10) so one check ends before the next starts (received: 10)');
  });

  test('a deregistration delay above 3600 s is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/a'], deregistrationDelaySeconds: 3601 }] })).toBe(
      'Stack/Api: routes["api"].deregistrationDelaySeconds must be a whole number from 0 to 3600 (received: 3601)');
  });

  test('LONG and VARIABLE routes get least outstanding requests', () => {
    const { tf } = synth({
      routes: [
        { name: 'upload', paths: ['/up'], requestDuration: RequestDuration.LONG },
        { name: 'search', paths: ['/search'], requestDuration: RequestDuration.VARIABLE },
      ],
    });
    const g = groupsByRoute(tf);
    expect(g.upload.load_balancing_algorithm_type).toBe('least_outstanding_requests');
    expect(g.search.load_balancing_algorithm_type).toBe('least_outstanding_requests');
    expect(g.upload.load_balancing_anomaly_mitigation).toBeUndefined();
  });

  test('weighted random with anomaly mitigation writes "on", without it "off"', () => {
    const { tf } = synth({
      routes: [
        { name: 'wr', paths: ['/wr'], algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM, anomalyMitigation: true },
        { name: 'wr-off', paths: ['/wr-off'], algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM },
      ],
    });
    const g = groupsByRoute(tf);
    expect(g.wr).toMatchObject({ load_balancing_algorithm_type: 'weighted_random', load_balancing_anomaly_mitigation: 'on' });
    expect(g['wr-off']).toMatchObject({ load_balancing_algorithm_type: 'weighted_random', load_balancing_anomaly_mitigation: 'off' });
  });

  test('an unknown algorithm is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/a'], algorithm: 'fastest' as LoadBalancingAlgorithm }] })).toBe(
      'Stack/Api: routes["api"].algorithm must be one of round_robin, least_outstanding_requests, weighted_random (received: "fastest")');
  });

  test('anomaly mitigation without weighted random is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/a'], anomalyMitigation: true }] })).toBe(
      'Stack/Api: routes["api"].anomalyMitigation needs the weighted_random algorithm (got round_robin) (received: true)');
  });

  test('slow start with least outstanding requests is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/a'], requestDuration: RequestDuration.LONG, slowStartSeconds: 60 }] })).toBe(
      'Stack/Api: routes["api"].slowStartSeconds cannot be combined with the least_outstanding_requests algorithm (AWS allows slow start only with round_robin) (received: 60)');
  });

  test('stickiness is written when asked, with a warning that names the route', () => {
    const { tf, lb } = synth({
      routes: [
        { name: 'lb', paths: ['/lb'], stickiness: { type: StickinessType.LOAD_BALANCER_COOKIE, durationSeconds: 3600 } },
        { name: 'app', paths: ['/app'], stickiness: { type: StickinessType.APPLICATION_COOKIE, cookieName: 'SESSION' } },
      ],
    });
    const g = groupsByRoute(tf);
    expect(g.lb.stickiness).toEqual({ enabled: true, type: 'lb_cookie', cookie_duration: 3600 });
    expect(g.app.stickiness).toEqual({ enabled: true, type: 'app_cookie', cookie_duration: 86400, cookie_name: 'SESSION' });
    const sticky = warningsOf(lb).filter((w) => w.startsWith('[lbkit:stickySessions]'));
    expect(sticky).toHaveLength(2);
    expect(sticky[0]).toMatch(/^\[lbkit:stickySessions\] route "app" enables app_cookie stickiness/);
  });

  test('no stickiness block when stickiness is off, and no warning', () => {
    const { tf, lb } = synth();
    expect(groupsByRoute(tf).api.stickiness).toBeUndefined();
    expect(warningsOf(lb).filter((w) => w.includes('stickySessions'))).toEqual([]);
  });

  test('round robin chosen for long requests is warned about', () => {
    const { lb } = synth({ routes: [{ name: 'up', paths: ['/up'], requestDuration: RequestDuration.LONG, algorithm: LoadBalancingAlgorithm.ROUND_ROBIN }] });
    expect(warningsOf(lb)).toContainEqual(expect.stringMatching(/^\[lbkit:roundRobinLongRequests\] route "up" has long requests but round robin/));
  });
});
