import { Testing } from 'cdktf';
import { all, errorOf, groupsByName, harness, minimalProps, ref, synth, VPC_ID } from './fixtures';
import { TcpServiceLoadBalancer } from '../../../src/cdktf';
import { HealthCheckProtocol, ListenerProtocol as P, TargetType } from '../../../src/core';

describe('2. target groups per listener with TCP, HTTP or HTTPS health checks (Terraform)', () => {
  test('defaults: IP targets on the listener port, a TCP connect check every 15 s, timeout 5 s, 2 up / 3 down', () => {
    const { tf } = synth();
    expect(groupsByName(tf).game).toEqual({
      port: 7777,
      protocol: 'TCP',
      target_type: 'ip',
      vpc_id: VPC_ID,
      deregistration_delay: '300',
      connection_termination: false,
      preserve_client_ip: 'true',
      proxy_protocol_v2: false,
      health_check: {
        enabled: true, protocol: 'TCP', port: 'traffic-port', interval: 15, timeout: 5, healthy_threshold: 2, unhealthy_threshold: 3,
      },
      tags: { 'lbkit:route': 'game' },
      lifecycle: { create_before_destroy: true },
    });
  });

  test('a path turns on an HTTP check with matcher 200; HTTPS and codes are honoured', () => {
    const { tf } = synth({
      listeners: [
        { name: 'http', port: 7777, protocol: P.TCP, healthCheck: { path: '/ready', port: 8080 } },
        { name: 'https', port: 7778, protocol: P.TCP, healthCheck: { protocol: HealthCheckProtocol.HTTPS, path: '/status', healthyHttpCodes: '200-399', intervalSeconds: 30, timeoutSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 5 } },
      ],
    });
    const groups = groupsByName(tf);
    expect(groups.http.health_check).toEqual({
      enabled: true, protocol: 'HTTP', path: '/ready', port: '8080', interval: 15, timeout: 5, healthy_threshold: 2, unhealthy_threshold: 3, matcher: '200',
    });
    expect(groups.https.health_check).toEqual({
      enabled: true, protocol: 'HTTPS', path: '/status', port: 'traffic-port', interval: 30, timeout: 10, healthy_threshold: 3, unhealthy_threshold: 5, matcher: '200-399',
    });
  });

  test('an HTTP check without a path checks /health', () => {
    const { tf } = synth({ listeners: [{ name: 'g', port: 7777, protocol: P.TCP, healthCheck: { protocol: HealthCheckProtocol.HTTP } }] });
    expect(groupsByName(tf).g.health_check).toMatchObject({ protocol: 'HTTP', path: '/health', matcher: '200' });
  });

  test('UDP target groups are checked over TCP on the named port', () => {
    const { tf } = synth({ listeners: [{ name: 'voice', port: 7778, protocol: P.UDP, healthCheck: { port: 7777 } }] });
    expect(groupsByName(tf).voice).toMatchObject({ protocol: 'UDP', health_check: { protocol: 'TCP', port: '7777' } });
  });

  test('instance targets and a target port', () => {
    const { tf } = synth({ listeners: [{ name: 'db', port: 5432, protocol: P.TCP, targetType: TargetType.INSTANCE, targetPort: 15432 }] });
    expect(groupsByName(tf).db).toMatchObject({ target_type: 'instance', port: 15432 });
  });

  test('fixed targets become attachments on the target port unless they name their own', () => {
    const { tf } = synth({
      listeners: [{ name: 'mqtt', port: 8883, protocol: P.TCP, targetPort: 1883, targets: [{ id: '10.0.1.40' }, { id: '10.0.1.41', port: 1884, availabilityZone: 'all' }] }],
    });
    const arn = ref(tf, 'aws_lb_target_group', 'Nlb/TargetGroup-mqtt', 'arn');
    expect(all(tf, 'aws_lb_target_group_attachment')).toEqual([
      { target_group_arn: arn, target_id: '10.0.1.40', port: 1883 },
      { target_group_arn: arn, target_id: '10.0.1.41', port: 1884, availability_zone: 'all' },
    ]);
  });

  test('targetGroupArn(name) gives each listener\'s group; an unknown name is a clear error', () => {
    const h = harness();
    const lb = new TcpServiceLoadBalancer(h.stack, 'Nlb', minimalProps({
      listeners: [{ name: 'game', port: 7777, protocol: P.TCP }, { name: 'chat', port: 7779, protocol: P.TCP }],
    }));
    expect(lb.targetGroupArn('game')).toMatch(/^\$\{TfToken\[/);
    expect(() => lb.targetGroupArn('nope')).toThrow(
      'Stack/Nlb: targetGroupArn(listenerName) names no listener (listeners: chat, game) (received: "nope")');
    expect(() => Testing.synth(h.stack)).not.toThrow();
  });

  test('a target port out of range is refused, naming the listener and the target', () => {
    expect(errorOf({ listeners: [{ name: 'g', port: 7777, protocol: P.TCP, targets: [{ id: '10.0.0.1', port: 70000 }] }] })).toBe(
      'Stack/Nlb: listeners["g"].targets[0].port must be a whole number from 1 to 65535 (received: 70000)');
  });
});
