import { Match } from 'aws-cdk-lib/assertions';
import { Annotations, attributes, errorOf, synth, targetGroupOf } from './fixtures';
import { LoadBalancingAlgorithm, RequestDuration, StickinessType, TargetProtocol, TargetProtocolVersion, TargetType } from '../../src/core';

describe('6. target groups: health checks, draining, slow start, algorithms, stickiness', () => {
  test('defaults: HTTP to port 80 of IP targets, GET /health every 15 s, 5 s timeout, 2/3 thresholds, 200; 300 s draining, round robin', () => {
    const { template } = synth({ routes: [{ name: 'api', paths: ['/api/*'] }] });
    const tg = targetGroupOf(template, 'api');
    expect(tg).toEqual({
      Port: 80,
      Protocol: 'HTTP',
      ProtocolVersion: 'HTTP1',
      TargetType: 'ip',
      VpcId: 'vpc-0123456789abcdef0',
      HealthCheckEnabled: true,
      HealthCheckProtocol: 'HTTP',
      HealthCheckPath: '/health',
      HealthCheckPort: 'traffic-port',
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      Matcher: { HttpCode: '200' },
      TargetGroupAttributes: [
        { Key: 'stickiness.enabled', Value: 'false' },
        { Key: 'deregistration_delay.timeout_seconds', Value: '300' },
        { Key: 'load_balancing.algorithm.type', Value: 'round_robin' },
        { Key: 'slow_start.duration_seconds', Value: '0' },
      ],
      Tags: [{ Key: 'lbkit:route', Value: 'api' }],
    });
  });

  test('health check overrides, HTTPS/HTTP2 to instances, draining and slow start', () => {
    const { template } = synth({
      routes: [{
        name: 'api',
        paths: ['/api/*'],
        port: 8443,
        protocol: TargetProtocol.HTTPS,
        protocolVersion: TargetProtocolVersion.HTTP2,
        targetType: TargetType.INSTANCE,
        deregistrationDelaySeconds: 30,
        slowStartSeconds: 60,
        healthCheck: { path: '/ready', port: 9000, intervalSeconds: 30, timeoutSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 5, healthyHttpCodes: '200-299' },
      }],
    });
    const tg = targetGroupOf(template, 'api');
    expect(tg).toMatchObject({
      Port: 8443,
      Protocol: 'HTTPS',
      ProtocolVersion: 'HTTP2',
      TargetType: 'instance',
      HealthCheckProtocol: 'HTTPS',
      HealthCheckPath: '/ready',
      HealthCheckPort: '9000',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 10,
      HealthyThresholdCount: 3,
      UnhealthyThresholdCount: 5,
      Matcher: { HttpCode: '200-299' },
    });
    expect(attributes(tg.TargetGroupAttributes)).toMatchObject({
      'deregistration_delay.timeout_seconds': '30',
      'slow_start.duration_seconds': '60',
    });
  });

  test('a timeout not below the interval is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/api/*'], healthCheck: { intervalSeconds: 10, timeoutSeconds: 10 } }] }))
      .toBe('Stack/Api: routes["api"].healthCheck.timeoutSeconds must be below intervalSeconds (10) so one check ends before the next starts (received: 10)');
  });

  test('draining beyond 3600 s is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/api/*'], deregistrationDelaySeconds: 3601 }] }))
      .toBe('Stack/Api: routes["api"].deregistrationDelaySeconds must be a whole number from 0 to 3600 (received: 3601)');
  });

  test('LONG and VARIABLE routes get least outstanding requests', () => {
    const { template } = synth({
      routes: [
        { name: 'upload', paths: ['/upload'], requestDuration: RequestDuration.LONG },
        { name: 'search', paths: ['/search'], requestDuration: RequestDuration.VARIABLE },
      ],
    });
    for (const route of ['upload', 'search']) {
      expect(attributes(targetGroupOf(template, route).TargetGroupAttributes)['load_balancing.algorithm.type']).toBe('least_outstanding_requests');
    }
  });

  test('weighted random with anomaly mitigation writes both attributes', () => {
    const { template } = synth({
      routes: [
        { name: 'wr', paths: ['/wr'], algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM, anomalyMitigation: true },
        { name: 'wr-off', paths: ['/wr-off'], algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM },
      ],
    });
    expect(attributes(targetGroupOf(template, 'wr').TargetGroupAttributes)).toMatchObject({
      'load_balancing.algorithm.type': 'weighted_random', 'load_balancing.algorithm.anomaly_mitigation': 'on',
    });
    expect(attributes(targetGroupOf(template, 'wr-off').TargetGroupAttributes)['load_balancing.algorithm.anomaly_mitigation']).toBe('off');
  });

  test('an unknown algorithm is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/api/*'], algorithm: 'fastest' as LoadBalancingAlgorithm }] }))
      .toBe('Stack/Api: routes["api"].algorithm must be one of round_robin, least_outstanding_requests, weighted_random (received: "fastest")');
  });

  test('slow start with least outstanding requests is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/api/*'], requestDuration: RequestDuration.LONG, slowStartSeconds: 60 }] }))
      .toContain('Stack/Api: routes["api"].slowStartSeconds cannot be combined with the least_outstanding_requests algorithm');
  });

  test('stickiness renders its attributes and is warned about', () => {
    const { h, template } = synth({
      routes: [
        { name: 'lb', paths: ['/lb'], stickiness: { type: StickinessType.LOAD_BALANCER_COOKIE, durationSeconds: 3600 } },
        { name: 'app', paths: ['/app'], stickiness: { type: StickinessType.APPLICATION_COOKIE, cookieName: 'SESSION' } },
      ],
    });
    expect(attributes(targetGroupOf(template, 'lb').TargetGroupAttributes)).toMatchObject({
      'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie', 'stickiness.lb_cookie.duration_seconds': '3600',
    });
    expect(attributes(targetGroupOf(template, 'app').TargetGroupAttributes)).toMatchObject({
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'SESSION',
      'stickiness.app_cookie.duration_seconds': '86400',
    });
    const warnings = Annotations.fromStack(h.stack);
    warnings.hasWarning('/Stack/Api', Match.stringLikeRegexp('route "lb" enables lb_cookie stickiness.*\\[ack: lbkit:stickySessions\\]'));
    warnings.hasWarning('/Stack/Api', Match.stringLikeRegexp('route "app" enables app_cookie stickiness'));
  });

  test('no stickiness, no warning', () => {
    const { h } = synth();
    Annotations.fromStack(h.stack).hasNoWarning('/Stack/Api', Match.stringLikeRegexp('stickiness'));
  });

  test('every target group is tagged with its route', () => {
    const { template } = synth({ routes: [{ name: 'a', paths: ['/a'] }, { name: 'b', paths: ['/b'] }] });
    expect(targetGroupOf(template, 'a').Tags).toEqual([{ Key: 'lbkit:route', Value: 'a' }]);
    expect(targetGroupOf(template, 'b').Tags).toEqual([{ Key: 'lbkit:route', Value: 'b' }]);
  });
});
