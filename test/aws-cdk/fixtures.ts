import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { WebApiLoadBalancer, WebApiLoadBalancerProps } from '../../src/aws-cdk';

export const CERT_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
export const CERT_ARN_2 = 'arn:aws:acm:eu-west-1:111111111111:certificate/66666666-7777-8888-9999-000000000000';

export interface Harness {
  readonly app: App;
  readonly stack: Stack;
  readonly vpc: ec2.IVpc;
  readonly zone: route53.IHostedZone;
  readonly certificate: acm.ICertificate;
}

/** A stack in the region (eu-west-1; null = env-agnostic) with a two-zone VPC (public and private subnets), a hosted zone and a certificate. */
export function harness(region: string | null = 'eu-west-1'): Harness {
  const app = new App();
  const stack = new Stack(app, 'Stack', region ? { env: { account: '111111111111', region } } : {});
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    vpcCidrBlock: '10.0.0.0/16',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    publicSubnetIds: ['subnet-pub-a', 'subnet-pub-b'],
    publicSubnetRouteTableIds: ['rtb-pub-a', 'rtb-pub-b'],
    privateSubnetIds: ['subnet-priv-a', 'subnet-priv-b'],
    privateSubnetRouteTableIds: ['rtb-priv-a', 'rtb-priv-b'],
  });
  const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789EXAMPLE', zoneName: 'example.com' });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN);
  return { app, stack, vpc, zone, certificate };
}

/** The smallest valid props: one route with a path, the given certificate, the hosted zone. */
export function minimalProps(h: Harness, extra: Partial<WebApiLoadBalancerProps> = {}): WebApiLoadBalancerProps {
  return {
    vpc: h.vpc,
    certificates: [h.certificate],
    hostedZone: h.zone,
    routes: [{ name: 'api', paths: ['/api/*'], port: 8080 }],
    ...extra,
  };
}

/** Builds one WebApiLoadBalancer `Api` in a fresh harness and returns its template. */
export function synth(extra: Partial<WebApiLoadBalancerProps> = {}, region: string | null = 'eu-west-1'): { h: Harness; lb: WebApiLoadBalancer; template: Template } {
  const h = harness(region);
  const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, extra));
  return { h, lb, template: Template.fromStack(h.stack) };
}

/** The error message of building `Api` with these props (fails the test if none is thrown). */
export function errorOf(extra: Partial<WebApiLoadBalancerProps>, h: Harness = harness()): string {
  try {
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, extra));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected WebApiLoadBalancer to throw');
}

/** Properties of the only resource of a type. */
export function only(template: Template, type: string): Record<string, any> {
  const found = Object.values(template.findResources(type));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0].Properties;
}

/** Resources of a type, by logical id. */
export function all(template: Template, type: string): Record<string, any>[] {
  return Object.values(template.findResources(type));
}

/** LoadBalancerAttributes (or TargetGroupAttributes) as a plain object. */
export function attributes(list: { Key: string; Value: unknown }[]): Record<string, unknown> {
  return Object.fromEntries(list.map((a) => [a.Key, a.Value]));
}

/** The listener rule rendered for a route (found by its `lbkit:route` metadata). */
export function ruleOf(template: Template, route: string): Record<string, any> {
  const rules = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule'))
    .filter((r: any) => r.Metadata?.['lbkit:route'] === route);
  if (rules.length !== 1) throw new Error(`expected one rule for route ${route}, found ${rules.length}`);
  return rules[0].Properties;
}

/** The target group rendered for a route (found by its `lbkit:route` tag). */
export function targetGroupOf(template: Template, route: string): Record<string, any> {
  const groups = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::TargetGroup'))
    .filter((r: any) => (r.Properties.Tags ?? []).some((t: any) => t.Key === 'lbkit:route' && t.Value === route));
  if (groups.length !== 1) throw new Error(`expected one target group for route ${route}, found ${groups.length}`);
  return groups[0].Properties;
}

/** Logical id of the target group of a route. */
export function targetGroupId(template: Template, route: string): string {
  const entry = Object.entries(template.findResources('AWS::ElasticLoadBalancingV2::TargetGroup'))
    .find(([, r]: [string, any]) => (r.Properties.Tags ?? []).some((t: any) => t.Key === 'lbkit:route' && t.Value === route));
  if (!entry) throw new Error(`no target group for route ${route}`);
  return entry[0];
}

/** Properties of the A alias records CONTRACT.md expects for these names: at the only load balancer, evaluating its health. */
export function expectedAliasRecords(template: Template, names: string[]): Record<string, unknown>[] {
  const lbId = Object.keys(template.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))[0];
  return names.map((name) => ({
    HostedZoneId: 'Z0123456789EXAMPLE',
    Name: `${name}.`,
    Type: 'A',
    AliasTarget: {
      DNSName: { 'Fn::GetAtt': [lbId, 'DNSName'] },
      HostedZoneId: { 'Fn::GetAtt': [lbId, 'CanonicalHostedZoneID'] },
      EvaluateTargetHealth: true,
    },
  }));
}

export { Annotations, Template };
