import { errorOf, synth, targetGroupOf } from './fixtures';
import { HealthCheckProtocol, ListenerProtocol, TargetType } from '../../../src/core';

const db = { name: 'db', port: 5432, protocol: ListenerProtocol.TCP };

describe('2. target groups per listener: TCP health checks by default, HTTP/HTTPS on a path, NLB ranges', () => {
  test('defaults: IP targets on the listener port, TCP connect on the traffic port every 15 s, 5 s timeout, 2/3 thresholds; no path, no matcher', () => {
    const { template } = synth();
    expect(targetGroupOf(template, 'db')).toEqual({
      Port: 5432,
      Protocol: 'TCP',
      TargetType: 'ip',
      VpcId: 'vpc-0123456789abcdef0',
      HealthCheckEnabled: true,
      HealthCheckProtocol: 'TCP',
      HealthCheckPort: 'traffic-port',
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      TargetGroupAttributes: [
        { Key: 'deregistration_delay.timeout_seconds', Value: '300' },
        { Key: 'deregistration_delay.connection_termination.enabled', Value: 'false' },
        { Key: 'stickiness.enabled', Value: 'false' },
        { Key: 'preserve_client_ip.enabled', Value: 'true' },
        { Key: 'proxy_protocol_v2.enabled', Value: 'false' },
      ],
      Tags: [{ Key: 'lbkit:route', Value: 'db' }],
    });
  });

  test('a path makes an HTTP check with matcher 200; HTTPS, port, timings, codes and instance targets are passed on', () => {
    const { template } = synth({
      listeners: [
        { ...db, healthCheck: { path: '/ready', port: 8080 } },
        {
          name: 'cache',
          port: 6379,
          protocol: ListenerProtocol.TCP,
          targetType: TargetType.INSTANCE,
          targetPort: 16379,
          healthCheck: {
            protocol: HealthCheckProtocol.HTTPS,
            path: '/healthz',
            port: 8443,
            intervalSeconds: 30,
            timeoutSeconds: 10,
            healthyThreshold: 3,
            unhealthyThreshold: 5,
            healthyHttpCodes: '200-399',
          },
        },
      ],
    });
    expect(targetGroupOf(template, 'db')).toMatchObject({
      HealthCheckProtocol: 'HTTP', HealthCheckPath: '/ready', HealthCheckPort: '8080', Matcher: { HttpCode: '200' },
    });
    expect(targetGroupOf(template, 'cache')).toMatchObject({
      Port: 16379,
      TargetType: 'instance',
      HealthCheckProtocol: 'HTTPS',
      HealthCheckPath: '/healthz',
      HealthCheckPort: '8443',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 10,
      HealthyThresholdCount: 3,
      UnhealthyThresholdCount: 5,
      Matcher: { HttpCode: '200-399' },
    });
  });

  test('UDP targets are checked over TCP on the named port', () => {
    const { template } = synth({ listeners: [{ name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } }] });
    expect(targetGroupOf(template, 'voice')).toMatchObject({ Protocol: 'UDP', HealthCheckProtocol: 'TCP', HealthCheckPort: '7777' });
  });

  const bad: [string, object, string][] = [
    ['an interval beyond 300 s', { intervalSeconds: 301 }, 'Stack/Game: listeners["db"].healthCheck.intervalSeconds must be a whole number from 5 to 300 (received: 301)'],
    ['a timeout below 2 s', { timeoutSeconds: 1 }, 'Stack/Game: listeners["db"].healthCheck.timeoutSeconds must be a whole number from 2 to 120 (received: 1)'],
    ['a timeout not below the interval', { intervalSeconds: 10, timeoutSeconds: 10 },
      'Stack/Game: listeners["db"].healthCheck.timeoutSeconds must be below intervalSeconds (10) so one check ends before the next starts (received: 10)'],
    ['a healthy threshold of 11', { healthyThreshold: 11 }, 'Stack/Game: listeners["db"].healthCheck.healthyThreshold must be a whole number from 2 to 10 (received: 11)'],
    ['an unhealthy threshold of 1', { unhealthyThreshold: 1 }, 'Stack/Game: listeners["db"].healthCheck.unhealthyThreshold must be a whole number from 2 to 10 (received: 1)'],
    ['a port beyond 65535', { port: 70000 }, 'Stack/Game: listeners["db"].healthCheck.port must be a whole number from 1 to 65535 (received: 70000)'],
    ['a path on a TCP check (mismatched settings)', { protocol: HealthCheckProtocol.TCP, path: '/x' },
      'Stack/Game: listeners["db"].healthCheck sets path or healthyHttpCodes on a TCP health check; use protocol HTTP or HTTPS (received: {"protocol":"TCP","path":"/x"})'],
    ['codes on a TCP check (mismatched settings)', { healthyHttpCodes: '200' },
      'Stack/Game: listeners["db"].healthCheck sets path or healthyHttpCodes on a TCP health check; use protocol HTTP or HTTPS (received: {"healthyHttpCodes":"200"})'],
    ['a path without a leading slash', { path: 'ready' }, 'Stack/Game: listeners["db"].healthCheck.path must start with "/" and be at most 1024 characters (received: "ready")'],
  ];
  test.each(bad)('%s is refused with path, option, value and limit', (_name, healthCheck, message) => {
    expect(errorOf({ listeners: [{ ...db, healthCheck }] })).toBe(message);
  });

  test('codes beyond the NLB range 200–599 are refused', () => {
    expect(errorOf({ listeners: [{ ...db, healthCheck: { path: '/x', healthyHttpCodes: '600' } }] }))
      .toMatch(/^Stack\/Game: listeners\["db"\]\.healthCheck\.healthyHttpCodes must be codes from 200 to 599.*\(received: "600"\)$/);
  });

  test('a UDP service without a TCP health-check port is refused', () => {
    expect(errorOf({ listeners: [{ name: 'voice', port: 7778, protocol: ListenerProtocol.UDP }] })).toBe(
      'Stack/Game: listeners["voice"].healthCheck.port is required for UDP services: NLB health checks use TCP, HTTP or HTTPS, so name a TCP port the targets answer on (received: undefined)');
  });
});
