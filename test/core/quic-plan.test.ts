import { FACTS, validationErrorOf } from './fixtures';
import { IpAddressType, ListenerProtocol } from '../../src/core';
import { TcpListenerOptions, TcpServiceLoadBalancerOptions } from '../../src/core/options/tcp-service-options';
import { planTcpService } from '../../src/core/plan/tcp-service-plan';
import { checkQuicServerIds } from '../../src/core/validation/quic';

/** NLB QUIC and TCP_QUIC: the plan, AWS's constraints, and the server-ID rule both engines call. */
const h3: TcpListenerOptions = { name: 'h3', port: 443, protocol: ListenerProtocol.QUIC, healthCheck: { port: 8443 } };
const web: TcpListenerOptions = { name: 'web', port: 443, protocol: ListenerProtocol.TCP };
const facts = { ...FACTS, name: 'Edge', path: 'Stack/Edge', importedCertificateArns: [] as string[] };
const plan = (o: Partial<TcpServiceLoadBalancerOptions>) => planTcpService({ listeners: [h3, web], ...o }, facts);
const errorOf = (o: Partial<TcpServiceLoadBalancerOptions>) => validationErrorOf(() => plan(o));

describe('plan', () => {
  test('QUIC beside TCP on the same port: QUIC listener and target group, no security-group rules, the advice says why', () => {
    const { model, advice } = plan({});
    expect(model.listeners).toEqual([
      { name: 'h3', port: 443, protocol: 'QUIC', targetGroup: 'h3' },
      { name: 'web', port: 443, protocol: 'TCP', idleTimeoutSeconds: 350, targetGroup: 'web' },
    ]);
    expect(model.targetGroups.find((g) => g.name === 'h3')).toMatchObject({ protocol: 'QUIC', port: 443, healthCheck: { protocol: 'TCP', port: '8443' } });
    expect(model.securityGroup).toEqual({ ingress: [], egress: [] });
    expect(advice.filter((a) => a.id === 'lbkit:quicWithoutSecurityGroup').map((a) => a.message))
      .toEqual([expect.stringContaining('listener "h3" is QUIC: AWS allows no security group')]);
  });

  test('TCP_QUIC: a TCP_QUIC target group checked by TCP on the traffic port; an internal NLB needs no allowedCidrs', () => {
    const { model } = planTcpService({ internetFacing: false, listeners: [{ name: 'both', port: 443, protocol: ListenerProtocol.TCP_QUIC }] }, facts);
    expect(model.listeners[0].protocol).toBe('TCP_QUIC');
    expect(model.targetGroups[0]).toMatchObject({ protocol: 'TCP_QUIC', healthCheck: { protocol: 'TCP', port: 'traffic-port' } });
    expect(model.securityGroup).toEqual({ ingress: [], egress: [] });
  });
});

describe('AWS constraints, each a validation error naming path, option, value and limit', () => {
  test('at most one QUIC or TCP_QUIC listener', () => {
    const e = errorOf({ listeners: [h3, { name: 'alt', port: 8443, protocol: ListenerProtocol.TCP_QUIC }] });
    expect([e.constructPath, e.option]).toEqual(['Stack/Edge', 'listeners["alt"].protocol']);
    expect(e.message).toContain('is TCP_QUIC, and 2 listeners use QUIC or TCP_QUIC ("h3", "alt"); AWS allows at most 1 per network load balancer');
    expect(e.message).toContain('(received: ["QUIC","TCP_QUIC"])');
  });

  test('no QUIC listener beside a UDP or TCP_UDP listener', () => {
    const e = errorOf({ listeners: [h3, { name: 'dns', port: 53, protocol: ListenerProtocol.TCP_UDP }] });
    expect(e.option).toBe('listeners["h3"].protocol');
    expect(e.message).toContain('listener "dns" on port 53 is TCP_UDP; AWS allows no QUIC or TCP_QUIC listener on a network load balancer with UDP or TCP_UDP listeners (limit: 0)');
    expect(e.message).toContain('(received: "QUIC")');
  });

  test('not on a dual-stack NLB', () => {
    const e = errorOf({ ipAddressType: IpAddressType.DUALSTACK });
    expect(e.option).toBe('ipAddressType');
    expect(e.message).toContain('is dualstack, but listener "h3" is QUIC; AWS allows QUIC and TCP_QUIC listeners on ipv4 network load balancers only');
  });

  test('allowedCidrs refused: no security group could enforce it', () => {
    const e = errorOf({ allowedCidrs: ['10.0.0.0/8'] });
    expect(e.option).toBe('allowedCidrs');
    expect(e.message).toContain('AWS allows no security group on a network load balancer with a QUIC or TCP_QUIC listener');
    expect(e.message).toContain('(received: ["10.0.0.0/8"])');
  });

  test('a QUIC health check needs a TCP port: NLB checks are TCP, HTTP or HTTPS', () => {
    const e = errorOf({ listeners: [{ name: 'h3', port: 443, protocol: ListenerProtocol.QUIC }] });
    expect(e.option).toBe('listeners["h3"].healthCheck.port');
    expect(e.message).toContain('is required for QUIC services: NLB health checks use TCP, HTTP or HTTPS');
  });

  test('no idle timeout on a QUIC listener', () => {
    const e = errorOf({ listeners: [{ ...h3, idleTimeoutSeconds: 600 }] });
    expect(e.option).toBe('listeners["h3"].idleTimeoutSeconds');
    expect(e.message).toContain('AWS offers no idle-timeout attribute on QUIC listeners (received: 600)');
  });

  test('a TCP listener on the port TCP_QUIC takes is refused (TCP_QUIC holds TCP and UDP)', () => {
    const e = errorOf({ listeners: [{ name: 'both', port: 443, protocol: ListenerProtocol.TCP_QUIC }, web] });
    expect(e.option).toBe('listeners["web"].port');
    expect(e.message).toContain('is already used for TCP by listener "both"');
  });
});

describe('server IDs (checkQuicServerIds, called by both engines)', () => {
  const check = (protocol: string, ids: (string | undefined)[]) => validationErrorOf(() => checkQuicServerIds('Stack/Edge', 'listeners["h3"].targets', protocol, ids));
  test('valid IDs on QUIC and TCP_QUIC, none on TCP, pass', () => {
    expect(() => checkQuicServerIds('p', 'o', 'QUIC', ['0x0123456789abcdef', '0xfedcba9876543210'])).not.toThrow();
    expect(() => checkQuicServerIds('p', 'o', 'TCP_QUIC', ['0x0000000000000001'])).not.toThrow();
    expect(() => checkQuicServerIds('p', 'o', 'TCP', [undefined])).not.toThrow();
  });
  test('required on a QUIC target group', () => {
    const e = check('QUIC', ['0x0123456789abcdef', undefined]);
    expect(e.option).toBe('listeners["h3"].targets[1].quicServerId');
    expect(e.message).toContain('is required on a QUIC target group');
  });
  test.each(['0x0123456789ABCDEF', '0123456789abcdef00', '0x0123456789abcde', '0x0123456789abcdefg'])('format: %s refused', (id) => {
    const e = check('TCP_QUIC', [id]);
    expect(e.option).toBe('listeners["h3"].targets[0].quicServerId');
    expect(e.message).toContain('must be "0x" followed by 16 hexadecimal characters, letters lowercase (^0x[0-9a-f]{16}$)');
    expect(e.message).toContain(`(received: "${id}")`);
  });
  test('unique within the listener', () => {
    const e = check('QUIC', ['0x0123456789abcdef', '0x0123456789abcdef']);
    expect(e.option).toBe('listeners["h3"].targets[1].quicServerId');
    expect(e.message).toContain('repeats the server ID of listeners["h3"].targets[0]; QUIC server IDs must be unique within a listener');
  });
  test('refused on other protocols', () => {
    const e = check('TCP', ['0x0123456789abcdef']);
    expect(e.message).toContain('is set on a TCP target group; QUIC server IDs belong to QUIC and TCP_QUIC target groups only');
  });
});
