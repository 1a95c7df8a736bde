import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { WebApiLoadBalancer, WebApiLoadBalancerProps } from '../../src/cdktf';

export const CERT_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
export const CERT_ARN_2 = 'arn:aws:acm:eu-west-1:111111111111:certificate/66666666-7777-8888-9999-000000000000';
export const VPC_ID = 'vpc-0123456789abcdef0';
export const VPC_CIDR = '10.0.0.0/16';
export const SUBNETS = ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'];
export const ZONE_ID = 'Z0123456789EXAMPLE';

export interface Harness {
  readonly app: App;
  readonly stack: TerraformStack;
}

/** A stack `Stack` with the default AWS provider in the given region (no provider for null). */
export function harness(region: string | null = 'eu-west-1'): Harness {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'Stack');
  if (region !== null) new AwsProvider(stack, 'aws', { region });
  return { app, stack };
}

/** The smallest valid props: one route with a path, one imported certificate, two subnets. */
export function minimalProps(extra: Partial<WebApiLoadBalancerProps> = {}): WebApiLoadBalancerProps {
  return {
    vpcId: VPC_ID,
    vpcCidrBlock: VPC_CIDR,
    subnetIds: SUBNETS,
    certificateArns: [CERT_ARN],
    routes: [{ name: 'api', paths: ['/api/*'], port: 8080 }],
    ...extra,
  };
}

/** Synthesized Terraform JSON. */
export type TfJson = { resource: Record<string, Record<string, any>>; [key: string]: any };

/** Builds one WebApiLoadBalancer `Api` in a fresh stack and returns it with the parsed cdk.tf.json. */
export function synth(extra: Partial<WebApiLoadBalancerProps> = {}, region?: string | null): { h: Harness; lb: WebApiLoadBalancer; tf: TfJson } {
  const h = harness(region);
  const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(extra));
  return { h, lb, tf: JSON.parse(Testing.synth(h.stack)) };
}

/** The error message `build` throws (fails the test if none is thrown). */
export function thrownBy(build: () => unknown): string {
  try {
    build();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, none was thrown');
}

/** The error message of building `Api` with these props (fails the test if none is thrown). */
export function errorOf(extra: Partial<WebApiLoadBalancerProps>, h: Harness = harness()): string {
  return thrownBy(() => new WebApiLoadBalancer(h.stack, 'Api', minimalProps(extra)));
}

/** Every resource of a type, in synthesized order, without cdktf's `//` metadata. */
export function all(tf: TfJson, type: string): any[] {
  return Object.values(tf.resource?.[type] ?? {}).map((body: any) => {
    const { ['//']: _meta, ...rest } = body;
    return rest;
  });
}

/** The one resource of a type (fails when there are none or several). */
export function only(tf: TfJson, type: string): any {
  const found = all(tf, type);
  if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  return found[0];
}

/**
 * Terraform address (`type.name`) of the resource whose construct path (below the stack)
 * is `path`: cdktf names it by the path joined with `_` plus an 8-character hash.
 */
export function addressOf(tf: TfJson, type: string, path: string): string {
  const prefix = `${path.split('/').join('_')}_`;
  const keys = Object.keys(tf.resource?.[type] ?? {}).filter((k) => k.startsWith(prefix) && /^[0-9A-F]{8}$/.test(k.slice(prefix.length)));
  if (keys.length !== 1) throw new Error(`expected one ${type} at ${path}, found ${keys.length}`);
  return `${type}.${keys[0]}`;
}

/** A `${...}` reference to an attribute of the resource at `suffix`. */
export function ref(tf: TfJson, type: string, suffix: string, attribute: string): string {
  return `\${${addressOf(tf, type, suffix)}.${attribute}}`;
}

/** Listener rules keyed by their `lbkit:route` tag. */
export function rulesByRoute(tf: TfJson): Record<string, any> {
  return Object.fromEntries(all(tf, 'aws_lb_listener_rule').map((r) => [r.tags['lbkit:route'], r]));
}

/** Target groups keyed by their `lbkit:route` tag. */
export function groupsByRoute(tf: TfJson): Record<string, any> {
  return Object.fromEntries(all(tf, 'aws_lb_target_group').map((g) => [g.tags['lbkit:route'], g]));
}

/** The listener on a port. */
export function listener(tf: TfJson, port: number): any {
  const found = all(tf, 'aws_lb_listener').filter((l) => l.port === port);
  if (found.length !== 1) throw new Error(`expected one listener on ${port}, found ${found.length}`);
  return found[0];
}

/** Warning messages attached to a construct. */
export function warningsOf(lb: IConstruct): string[] {
  return lb.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
}
