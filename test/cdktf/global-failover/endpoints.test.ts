import { all, EU_ALB_ZONE, gfErrorOf, healthCheckRef, healthChecksByEndpoint, recordsBySet, ref, synthGf, synthWith, tcpService, webApi, withEndpoints } from './fixtures';
import { WebApiLoadBalancer } from '../../../src/cdktf';
import { FailoverRole } from '../../../src/core';
import { harness, minimalProps } from '../fixtures';

describe('1. endpoints: lbkit load balancers, any load balancer by DNS name, plain addresses (Terraform)', () => {
  test('a WebApiLoadBalancer: alias to its aws_lb, HTTPS health check on its DNS name', () => {
    const { tf, gf } = synthWith((h) => [
      { name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: webApi(h, 'Eu') },
      { name: 'us', role: FailoverRole.SECONDARY, loadBalancer: webApi(h, 'Us') },
    ]);
    const dnsName = ref(tf, 'aws_lb', 'Eu/LoadBalancer', 'dns_name');
    expect(recordsBySet(tf)['eu/A'].alias).toEqual({ name: dnsName, zone_id: ref(tf, 'aws_lb', 'Eu/LoadBalancer', 'zone_id'), evaluate_target_health: true });
    expect(healthChecksByEndpoint(tf).eu).toEqual({
      type: 'HTTPS',
      fqdn: dnsName,
      port: 443,
      resource_path: '/health',
      request_interval: 10,
      failure_threshold: 3,
      measure_latency: false,
      tags: { 'lbkit:endpoint': 'eu' },
    });
    expect(gf._plan.model.healthChecks.map((h) => h.name)).toEqual(['eu', 'us']);
  });

  test('a TcpServiceLoadBalancer: TCP health check on its first TCP listener, no path', () => {
    const { tf } = synthWith((h) => [
      { name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: tcpService(h, 'Eu') },
      { name: 'us', role: FailoverRole.SECONDARY, loadBalancer: tcpService(h, 'Us') },
    ]);
    expect(healthChecksByEndpoint(tf).us).toEqual({
      type: 'TCP',
      fqdn: ref(tf, 'aws_lb', 'Us/LoadBalancer', 'dns_name'),
      port: 7777,
      request_interval: 10,
      failure_threshold: 3,
      measure_latency: false,
      tags: { 'lbkit:endpoint': 'us' },
    });
    expect(recordsBySet(tf)['us/A'].alias.zone_id).toBe(ref(tf, 'aws_lb', 'Us/LoadBalancer', 'zone_id'));
  });

  test('the health check keeps the protocol and path it is given on an lbkit load balancer', () => {
    const { tf } = synthWith((h) => [
      { name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: webApi(h, 'Eu'), healthCheck: { path: '/api/health' } },
      { name: 'us', role: FailoverRole.SECONDARY, loadBalancer: tcpService(h, 'Us'), healthCheck: { port: 8443 } },
    ]);
    expect(healthChecksByEndpoint(tf).eu.resource_path).toBe('/api/health');
    expect(healthChecksByEndpoint(tf).us).toMatchObject({ type: 'TCP', port: 8443 });
  });

  test('any load balancer by DNS name and canonical hosted zone: alias to it as given', () => {
    const { tf } = synthGf();
    expect(recordsBySet(tf)['eu/A'].alias).toEqual({ name: 'eu-lb-1.eu-west-1.elb.amazonaws.com', zone_id: EU_ALB_ZONE, evaluate_target_health: true });
    expect(healthChecksByEndpoint(tf).eu.fqdn).toBe('eu-lb-1.eu-west-1.elb.amazonaws.com');
  });

  test('plain addresses: A and AAAA records with a TTL, the health check probes the first address', () => {
    const { tf } = synthGf({
      endpoints: [
        { name: 'eu', role: FailoverRole.PRIMARY, ipv4Addresses: ['198.51.100.10', '198.51.100.11'], ipv6Addresses: ['2001:db8::10'] },
        { name: 'us', role: FailoverRole.SECONDARY, ipv6Addresses: ['2001:db8::20'] },
      ],
    });
    const records = recordsBySet(tf);
    expect(Object.keys(records).sort()).toEqual(['eu/A', 'eu/AAAA', 'us/AAAA']);
    expect(records['eu/A']).toEqual({
      zone_id: 'Z0123456789EXAMPLE',
      name: 'api.example.com',
      type: 'A',
      set_identifier: 'eu',
      failover_routing_policy: { type: 'PRIMARY' },
      health_check_id: healthCheckRef(tf, 'eu'),
      records: ['198.51.100.10', '198.51.100.11'],
      ttl: 60,
    });
    expect(records['eu/AAAA'].records).toEqual(['2001:db8::10']);
    expect(healthChecksByEndpoint(tf).eu.ip_address).toBe('198.51.100.10');
    expect(healthChecksByEndpoint(tf).us.ip_address).toBe('2001:db8::20');
    expect(healthChecksByEndpoint(tf).eu.fqdn).toBeUndefined();
  });

  test('an endpoint names exactly one target', () => {
    expect(gfErrorOf({ endpoints: withEndpoints({ ipv4Addresses: ['198.51.100.10'] }) })).toBe(
      'Stack/Global: endpoints["eu"] must name exactly one target: loadBalancer, dnsName with hostedZoneId, or addresses (received: 2)');
    expect(gfErrorOf({ endpoints: withEndpoints({ hostedZoneId: undefined }) })).toBe(
      'Stack/Global: endpoints["eu"] needs dnsName and hostedZoneId together (the load balancer\'s canonical hosted zone) (received: "eu-lb-1.eu-west-1.elb.amazonaws.com")');
  });

  test('an internal load balancer cannot be probed by Route 53: turn its health check off, the alias still evaluates target health', () => {
    const h = harness('us-east-1');
    const internal = new WebApiLoadBalancer(h.stack, 'Internal', minimalProps({ internetFacing: false, allowedCidrs: ['10.0.0.0/16'] }));
    const other = webApi(h, 'Other');
    expect(gfErrorOf({
      endpoints: [{ name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: internal }, { name: 'us', role: FailoverRole.SECONDARY, loadBalancer: other }],
    }, h)).toBe('Stack/Global: endpoints["eu"].healthCheck.enabled must be false for an internal load balancer: Route 53\'s checkers cannot reach it '
      + '(the alias record still evaluates target health) (received: true)');
    const { tf } = synthWith((s) => [
      { name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: new WebApiLoadBalancer(s.stack, 'Internal', minimalProps({ internetFacing: false, allowedCidrs: ['10.0.0.0/16'] })), healthCheck: { enabled: false } },
      { name: 'us', role: FailoverRole.SECONDARY, loadBalancer: webApi(s, 'Other') },
    ]);
    expect(Object.keys(healthChecksByEndpoint(tf))).toEqual(['us']);
    expect(recordsBySet(tf)['eu/A'].health_check_id).toBeUndefined();
    expect(recordsBySet(tf)['eu/A'].alias.evaluate_target_health).toBe(true);
    expect(all(tf, 'aws_cloudwatch_metric_alarm').filter((a) => a.dimensions?.HealthCheckId !== undefined)).toHaveLength(1);
  });
});
