import { Testing } from 'cdktf';
import { TcpServiceLoadBalancer, TcpServiceLoadBalancerProps } from '../../../src/cdktf';
import { ListenerProtocol } from '../../../src/core';
import { all, harness, Harness, SUBNETS, TfJson, thrownBy, VPC_CIDR, VPC_ID } from '../fixtures';

export { all, only, ref, addressOf, harness, warningsOf, CERT_ARN, CERT_ARN_2, VPC_ID, VPC_CIDR, SUBNETS, ZONE_ID } from '../fixtures';

/** The smallest valid props: one TCP listener on 7777, two subnets. */
export function minimalProps(extra: Partial<TcpServiceLoadBalancerProps> = {}): TcpServiceLoadBalancerProps {
  return {
    vpcId: VPC_ID,
    vpcCidrBlock: VPC_CIDR,
    subnetIds: SUBNETS,
    listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP }],
    ...extra,
  };
}

/** Builds one TcpServiceLoadBalancer `Nlb` in a fresh stack and returns it with the parsed cdk.tf.json. */
export function synth(
  extra: Partial<TcpServiceLoadBalancerProps> = {}, region?: string | null,
): { h: Harness; lb: TcpServiceLoadBalancer; tf: TfJson } {
  const h = harness(region);
  const lb = new TcpServiceLoadBalancer(h.stack, 'Nlb', minimalProps(extra));
  return { h, lb, tf: JSON.parse(Testing.synth(h.stack)) };
}

/** The error message of building `Nlb` with these props (fails the test if none is thrown). */
export function errorOf(extra: Partial<TcpServiceLoadBalancerProps>, h: Harness = harness()): string {
  return thrownBy(() => new TcpServiceLoadBalancer(h.stack, 'Nlb', minimalProps(extra)));
}

/** Resources of a type keyed by a tag (`lbkit:listener` on listeners, `lbkit:route` on target groups). */
export function byTag(tf: TfJson, type: string, tag: string): Record<string, any> {
  return Object.fromEntries(all(tf, type).map((r) => [r.tags[tag], r]));
}

/** Listeners keyed by their `lbkit:listener` tag. */
export const listenersByName = (tf: TfJson) => byTag(tf, 'aws_lb_listener', 'lbkit:listener');
/** Target groups keyed by their `lbkit:route` tag (the listener name). */
export const groupsByName = (tf: TfJson) => byTag(tf, 'aws_lb_target_group', 'lbkit:route');
