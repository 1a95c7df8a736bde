import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { TcpServiceLoadBalancer, TcpServiceLoadBalancerProps } from '../../../src/aws-cdk';
import { ListenerProtocol } from '../../../src/core';
import { CERT_ARN_2, harness, Harness } from '../fixtures';

export { all, Annotations, attributes, CERT_ARN, CERT_ARN_2, expectedAliasRecords, harness, only, targetGroupId, targetGroupOf, Template } from '../fixtures';
export type { Harness } from '../fixtures';

export const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
export const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';
export const SG = 'AWS::EC2::SecurityGroup';

/** The smallest valid props: one TCP listener on 5432 in the harness VPC, with the hosted zone. */
export function minimalProps(h: Harness, extra: Partial<TcpServiceLoadBalancerProps> = {}): TcpServiceLoadBalancerProps {
  return {
    vpc: h.vpc,
    hostedZone: h.zone,
    listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP }],
    ...extra,
  };
}

/** Props over the minimal ones, literal or made from the harness (to reference its certificate, zone, stack). */
export type Extra = Partial<TcpServiceLoadBalancerProps> | ((h: Harness) => Partial<TcpServiceLoadBalancerProps>);

/** Builds one TcpServiceLoadBalancer `Game` in a fresh harness and returns its template. */
export function synth(extra: Extra = {}, region: string | null = 'eu-west-1'): { h: Harness; lb: TcpServiceLoadBalancer; template: Template } {
  const h = harness(region);
  const lb = new TcpServiceLoadBalancer(h.stack, 'Game', minimalProps(h, typeof extra === 'function' ? extra(h) : extra));
  return { h, lb, template: Template.fromStack(h.stack) };
}

/** The error message of building `Game` with these props (fails the test if none is thrown). */
export function errorOf(extra: Extra, h: Harness = harness()): string {
  try {
    new TcpServiceLoadBalancer(h.stack, 'Game', minimalProps(h, typeof extra === 'function' ? extra(h) : extra));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected TcpServiceLoadBalancer to throw');
}

/** The listener rendered for a listener name (found by its `lbkit:listener` metadata), with its logical id. */
/** A second imported certificate in the harness stack. */
export function secondCertificate(h: Harness): acm.ICertificate {
  return acm.Certificate.fromCertificateArn(h.stack, 'Cert2', CERT_ARN_2);
}

export function listenerOf(template: Template, name: string): Record<string, any> & { id: string } {
  const found = Object.entries(template.findResources(LISTENER)).filter(([, r]: [string, any]) => r.Metadata?.['lbkit:listener'] === name);
  if (found.length !== 1) throw new Error(`expected one listener ${name}, found ${found.length}`);
  return { ...(found[0][1] as any).Properties, id: found[0][0] };
}
