import { Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import {
  all, errorOf, EU_DNS, EU_ZONE, harness, healthCheckOf, HEALTH_CHECK, PRIMARY, RECORD, recordsOf, SECONDARY, synth, Template,
} from './fixtures';
import { GlobalFailover, TcpServiceLoadBalancer, WebApiLoadBalancer } from '../../../src/aws-cdk';
import { FailoverRole, ListenerProtocol, RoutingPolicy } from '../../../src/core';
import { minimalProps as albProps } from '../fixtures';
import { minimalProps as nlbProps } from '../tcp-service/fixtures';

const getAtt = (id: string, attr: string) => ({ 'Fn::GetAtt': [id, attr] });
/** Logical id of the load balancer of an lbkit construct (`Eu` → EuLoadBalancer...). */
const lbId = (template: Template, construct: string): string => Object.keys(template.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))
  .find((id) => id.startsWith(`${construct}LoadBalancer`))!;

describe('1. endpoints: lbkit load balancers, any load balancer by DNS name, plain addresses', () => {
  test('a WebApiLoadBalancer: alias to its DNS name and canonical zone, checked over HTTPS on /health (its protocol)', () => {
    const { template } = synth((h) => ({
      endpoints: [
        { name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: new WebApiLoadBalancer(h.stack, 'Eu', albProps(h)) },
        SECONDARY,
      ],
    }));
    const lb = lbId(template, 'Eu');
    expect(recordsOf(template, 'eu')[0].AliasTarget).toEqual({
      DNSName: getAtt(lb, 'DNSName'), HostedZoneId: getAtt(lb, 'CanonicalHostedZoneID'), EvaluateTargetHealth: true,
    });
    expect(healthCheckOf(template, 'eu').HealthCheckConfig).toEqual({
      Type: 'HTTPS',
      FullyQualifiedDomainName: getAtt(lb, 'DNSName'),
      Port: 443,
      ResourcePath: '/health',
      RequestInterval: 10,
      FailureThreshold: 3,
      MeasureLatency: false,
    });
  });

  test('a TcpServiceLoadBalancer: checked over TCP on its first TCP listener (UDP ones skipped), no path', () => {
    const { template } = synth((h) => ({
      endpoints: [
        PRIMARY,
        {
          name: 'game',
          role: FailoverRole.SECONDARY,
          loadBalancer: new TcpServiceLoadBalancer(h.stack, 'Game', nlbProps(h, {
            listeners: [
              { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } },
              { name: 'game', port: 7777, protocol: ListenerProtocol.TCP },
            ],
          })),
        },
      ],
    }));
    const lb = lbId(template, 'Game');
    expect(healthCheckOf(template, 'game').HealthCheckConfig).toEqual({
      Type: 'TCP', FullyQualifiedDomainName: getAtt(lb, 'DNSName'), Port: 7777, RequestInterval: 10, FailureThreshold: 3, MeasureLatency: false,
    });
    expect(recordsOf(template, 'game')[0].AliasTarget.HostedZoneId).toEqual(getAtt(lb, 'CanonicalHostedZoneID'));
  });

  test('an lbkit load balancer in another stack of the same region is referenced through an export', () => {
    const h = harness('us-east-1');
    const other = new Stack(h.app, 'Regional', { env: { account: '111111111111', region: 'us-east-1' } });
    const vpc = ec2.Vpc.fromVpcAttributes(other, 'Vpc', {
      vpcId: 'vpc-0fedcba9876543210', vpcCidrBlock: '10.1.0.0/16', availabilityZones: ['us-east-1a', 'us-east-1b'], publicSubnetIds: ['subnet-c', 'subnet-d'],
    });
    const certificate = acm.Certificate.fromCertificateArn(other, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555');
    const lb = new WebApiLoadBalancer(other, 'Api', { vpc, certificates: [certificate], routes: [{ name: 'api', paths: ['/api/*'] }] });
    new GlobalFailover(h.stack, 'Global', {
      hostedZone: h.zone,
      recordName: 'api.example.com',
      routingPolicy: RoutingPolicy.FAILOVER,
      endpoints: [PRIMARY, { name: 'us', role: FailoverRole.SECONDARY, loadBalancer: lb }],
    });
    const template = Template.fromStack(h.stack);
    expect(recordsOf(template, 'us')[0].AliasTarget.DNSName).toEqual({ 'Fn::ImportValue': expect.stringMatching(/^Regional:ExportsOutputFnGetAttApiLoadBalancer.*DNSName/) });
    expect(healthCheckOf(template, 'us').HealthCheckConfig.FullyQualifiedDomainName).toEqual(recordsOf(template, 'us')[0].AliasTarget.DNSName);
  });

  test('any load balancer by DNS name and canonical hosted zone id: alias with literals, HTTPS check on the name', () => {
    const { template } = synth();
    expect(recordsOf(template, 'eu')[0].AliasTarget).toEqual({ DNSName: EU_DNS, HostedZoneId: EU_ZONE, EvaluateTargetHealth: true });
    expect(healthCheckOf(template, 'eu').HealthCheckConfig).toMatchObject({ Type: 'HTTPS', FullyQualifiedDomainName: EU_DNS, Port: 443 });
  });

  test('plain addresses: A and AAAA records with values and a TTL, the check probes the first IPv4 address', () => {
    const { template } = synth({
      endpoints: [
        { name: 'dc1', role: FailoverRole.PRIMARY, ipv4Addresses: ['192.0.2.10', '192.0.2.11'], ipv6Addresses: ['2001:db8::10'] },
        SECONDARY,
      ],
    });
    expect(recordsOf(template, 'dc1').map((r) => [r.Type, r.ResourceRecords, r.TTL, r.AliasTarget])).toEqual([
      ['A', ['192.0.2.10', '192.0.2.11'], '60', undefined],
      ['AAAA', ['2001:db8::10'], '60', undefined],
    ]);
    const hc = healthCheckOf(template, 'dc1').HealthCheckConfig;
    expect(hc).toMatchObject({ Type: 'HTTPS', IPAddress: '192.0.2.10', Port: 443, ResourcePath: '/health' });
    expect(hc.FullyQualifiedDomainName).toBeUndefined();
  });

  test('an internal lbkit load balancer cannot be reached by Route 53 checkers: the check must be turned off, and then the alias alone evaluates target health', () => {
    const h = harness('us-east-1');
    const internal = new WebApiLoadBalancer(h.stack, 'Internal', albProps(h, { internetFacing: false, allowedCidrs: ['10.0.0.0/8'] }));
    expect(errorOf({ endpoints: [{ name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: internal }, SECONDARY] }, h)).toBe(
      'Stack/Global: endpoints["eu"].healthCheck.enabled must be false for an internal load balancer: Route 53\'s checkers cannot reach it (the alias record still evaluates target health) (received: true)');
    const { template } = synth((h2) => ({
      endpoints: [{
        name: 'eu',
        role: FailoverRole.PRIMARY,
        healthCheck: { enabled: false },
        loadBalancer: new WebApiLoadBalancer(h2.stack, 'Internal', albProps(h2, { internetFacing: false, allowedCidrs: ['10.0.0.0/8'] })),
      }, SECONDARY],
    }));
    expect(all(template, HEALTH_CHECK)).toHaveLength(1);
    const [record] = recordsOf(template, 'eu');
    expect(record.HealthCheckId).toBeUndefined();
    expect(record.AliasTarget.EvaluateTargetHealth).toBe(true);
  });

  test('an endpoint names exactly one target', () => {
    expect(errorOf((h) => ({ endpoints: [{ ...PRIMARY, loadBalancer: new WebApiLoadBalancer(h.stack, 'Eu', albProps(h)) }, SECONDARY] }))).toBe(
      'Stack/Global: endpoints["eu"] must name exactly one target: loadBalancer, dnsName with hostedZoneId, or addresses (received: 2)');
    expect(errorOf({ endpoints: [{ ...PRIMARY, hostedZoneId: undefined }, SECONDARY] })).toBe(
      'Stack/Global: endpoints["eu"] needs dnsName and hostedZoneId together (the load balancer\'s canonical hosted zone) (received: "api-eu-1234567890.eu-west-1.elb.amazonaws.com")');
    expect(errorOf({ endpoints: [{ name: 'eu', role: FailoverRole.PRIMARY }, SECONDARY] })).toBe(
      'Stack/Global: endpoints["eu"] must name exactly one target: loadBalancer, dnsName with hostedZoneId, or addresses (received: 0)');
  });

  test('a load balancer that is not lbkit\'s (from JavaScript, past the types) is refused with the way to give it', () => {
    expect(errorOf({ endpoints: [{ name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: { loadBalancerDnsName: 'x' } as any }, SECONDARY] })).toBe(
      'Stack/Global: endpoints[0].loadBalancer must be an lbkit WebApiLoadBalancer or TcpServiceLoadBalancer; give any other load balancer by dnsName and hostedZoneId (received: "object")');
  });

  test('one record per model record, nothing else', () => {
    const { gf, template } = synth();
    expect(all(template, RECORD)).toHaveLength(gf._plan.model.records.length);
    expect(all(template, HEALTH_CHECK)).toHaveLength(gf._plan.model.healthChecks.length);
  });
});
