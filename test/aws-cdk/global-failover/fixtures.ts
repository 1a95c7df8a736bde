import { Template } from 'aws-cdk-lib/assertions';
import { GlobalEndpoint, GlobalFailover, GlobalFailoverProps } from '../../../src/aws-cdk';
import { FailoverRole, RoutingPolicy } from '../../../src/core';
import { harness, Harness } from '../fixtures';

export { all, Annotations, harness, only, Template } from '../fixtures';
export type { Harness } from '../fixtures';

export const HEALTH_CHECK = 'AWS::Route53::HealthCheck';
export const RECORD = 'AWS::Route53::RecordSet';
export const ALARM = 'AWS::CloudWatch::Alarm';

/** Load balancers given by DNS name and canonical hosted zone (any load balancer, not only lbkit's). */
export const EU_DNS = 'api-eu-1234567890.eu-west-1.elb.amazonaws.com';
export const EU_ZONE = 'Z32O12XQLNTSW2';
export const US_DNS = 'api-us-1234567890.us-east-1.elb.amazonaws.com';
export const US_ZONE = 'Z35SXDOTRQ7X7K';

export const PRIMARY: GlobalEndpoint = { name: 'eu', region: 'eu-west-1', role: FailoverRole.PRIMARY, dnsName: EU_DNS, hostedZoneId: EU_ZONE };
export const SECONDARY: GlobalEndpoint = { name: 'us', region: 'us-east-1', role: FailoverRole.SECONDARY, dnsName: US_DNS, hostedZoneId: US_ZONE };

/** Props over the smallest valid ones (api.example.com, failover eu → us), literal or made from the harness. */
export type Extra = Partial<GlobalFailoverProps> | ((h: Harness) => Partial<GlobalFailoverProps>);

export function props(h: Harness, extra: Extra = {}): GlobalFailoverProps {
  return {
    hostedZone: h.zone,
    recordName: 'api.example.com',
    routingPolicy: RoutingPolicy.FAILOVER,
    endpoints: [PRIMARY, SECONDARY],
    ...(typeof extra === 'function' ? extra(h) : extra),
  };
}

/** Builds one GlobalFailover `Global` in a fresh harness stack (us-east-1 unless told; null = env-agnostic). */
export function synth(extra: Extra = {}, region: string | null = 'us-east-1'): { h: Harness; gf: GlobalFailover; template: Template } {
  const h = harness(region);
  const gf = new GlobalFailover(h.stack, 'Global', props(h, extra));
  return { h, gf, template: Template.fromStack(h.stack) };
}

/** The error message of building `Global` with these props (fails the test if none is thrown). */
export function errorOf(extra: Extra, h: Harness = harness('us-east-1')): string {
  try {
    new GlobalFailover(h.stack, 'Global', props(h, extra));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected GlobalFailover to throw');
}

/** The health check of an endpoint (found by its `lbkit:endpoint` tag), with its logical id. */
export function healthCheckOf(template: Template, endpoint: string): Record<string, any> & { id: string } {
  const found = Object.entries(template.findResources(HEALTH_CHECK))
    .filter(([, r]: [string, any]) => r.Properties.HealthCheckTags.some((t: any) => t.Key === 'lbkit:endpoint' && t.Value === endpoint));
  if (found.length !== 1) throw new Error(`expected one health check for ${endpoint}, found ${found.length}`);
  return { ...(found[0][1] as any).Properties, id: found[0][0] };
}

/** The record sets of an endpoint (by set identifier), in template order. */
export function recordsOf(template: Template, endpoint: string): Record<string, any>[] {
  return Object.values(template.findResources(RECORD)).map((r: any) => r.Properties).filter((p) => p.SetIdentifier === endpoint);
}

/** The alarm on a health check (by its HealthCheckId dimension). */
export function alarmsOf(template: Template, healthCheckLogicalId: string): Record<string, any>[] {
  return Object.values(template.findResources(ALARM)).map((r: any) => r.Properties)
    .filter((p) => p.Dimensions.some((d: any) => d.Name === 'HealthCheckId' && d.Value.Ref === healthCheckLogicalId));
}
