import { Testing } from 'cdktf';
import { GlobalEndpoint, GlobalFailover, GlobalFailoverProps, TcpServiceLoadBalancer, WebApiLoadBalancer } from '../../../src/cdktf';
import { FailoverRole, ListenerProtocol, RoutingPolicy } from '../../../src/core';
import { harness, Harness, minimalProps, ref, TfJson, thrownBy } from '../fixtures';
import { minimalProps as minimalTcpProps } from '../tcp-service/fixtures';

export { all, only, ref, addressOf, harness, warningsOf, thrownBy, ZONE_ID } from '../fixtures';

/** Canonical hosted zone ids of ALBs in two regions (AWS publishes them per region). */
export const EU_ALB_ZONE = 'Z32O12XQLNTSW2';
export const US_ALB_ZONE = 'Z35SXDOTRQ7X7K';
export const RECORD_ZONE = 'Z0123456789EXAMPLE';

/** Two endpoints by DNS name: primary in eu-west-1, secondary in us-east-1. */
export const DNS_ENDPOINTS: GlobalEndpoint[] = [
  { name: 'eu', region: 'eu-west-1', role: FailoverRole.PRIMARY, dnsName: 'eu-lb-1.eu-west-1.elb.amazonaws.com', hostedZoneId: EU_ALB_ZONE },
  { name: 'us', region: 'us-east-1', role: FailoverRole.SECONDARY, dnsName: 'us-lb-1.us-east-1.elb.amazonaws.com', hostedZoneId: US_ALB_ZONE },
];

/** The smallest valid props: failover over the two DNS endpoints. */
export function gfProps(extra: Partial<GlobalFailoverProps> = {}): GlobalFailoverProps {
  return { hostedZoneId: RECORD_ZONE, recordName: 'api.example.com', routingPolicy: RoutingPolicy.FAILOVER, endpoints: DNS_ENDPOINTS, ...extra };
}

/** The endpoints of `gfProps` with each one's options merged with `extra` (by index). */
export function withEndpoints(...extra: Partial<GlobalEndpoint>[]): GlobalEndpoint[] {
  return DNS_ENDPOINTS.map((e, i) => ({ ...e, ...(extra[i] ?? {}) }));
}

/** Builds GlobalFailover `Global` in a fresh stack (default provider in us-east-1 unless told). */
export function synthGf(
  extra: Partial<GlobalFailoverProps> = {}, region: string | null = 'us-east-1',
): { h: Harness; gf: GlobalFailover; tf: TfJson } {
  const h = harness(region);
  const gf = new GlobalFailover(h.stack, 'Global', gfProps(extra));
  return { h, gf, tf: JSON.parse(Testing.synth(h.stack)) };
}

/** Builds, in a fresh stack, whatever `build` adds, then GlobalFailover `Global` over the endpoints it returns. */
export function synthWith(
  build: (h: Harness) => GlobalEndpoint[], extra: Partial<GlobalFailoverProps> = {},
): { h: Harness; gf: GlobalFailover; tf: TfJson } {
  const h = harness('us-east-1');
  const gf = new GlobalFailover(h.stack, 'Global', gfProps({ endpoints: build(h), ...extra }));
  return { h, gf, tf: JSON.parse(Testing.synth(h.stack)) };
}

/** A WebApiLoadBalancer with the web-api fixtures' minimal props. */
export function webApi(h: Harness, id: string): WebApiLoadBalancer {
  return new WebApiLoadBalancer(h.stack, id, minimalProps());
}

/** A TcpServiceLoadBalancer with a UDP listener before its TCP one (the health check takes the first TCP listener). */
export function tcpService(h: Harness, id: string): TcpServiceLoadBalancer {
  return new TcpServiceLoadBalancer(h.stack, id, minimalTcpProps({
    listeners: [
      { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } },
      { name: 'game', port: 7777, protocol: ListenerProtocol.TCP },
    ],
  }));
}

/** The error message of building `Global` with these props (fails the test if none is thrown). */
export function gfErrorOf(extra: Partial<GlobalFailoverProps>, h: Harness = harness('us-east-1')): string {
  return thrownBy(() => new GlobalFailover(h.stack, 'Global', gfProps(extra)));
}

/** Resources of a type keyed by their `lbkit:endpoint` tag (health checks). */
export function healthChecksByEndpoint(tf: TfJson): Record<string, any> {
  return Object.fromEntries(Object.values(tf.resource?.aws_route53_health_check ?? {}).map((body: any) => {
    const { ['//']: _meta, ...rest } = body;
    return [rest.tags['lbkit:endpoint'], rest];
  }));
}

/** The Route 53 records GlobalFailover writes (those with a set identifier), keyed `<set identifier>/<type>`. */
export function recordsBySet(tf: TfJson): Record<string, any> {
  return Object.fromEntries(Object.values(tf.resource?.aws_route53_record ?? {})
    .filter((body: any) => body.set_identifier !== undefined)
    .map((body: any) => {
      const { ['//']: _meta, ...rest } = body;
      return [`${rest.set_identifier}/${rest.type}`, rest];
    }));
}

/** `${aws_route53_health_check.<Global/HealthCheck-endpoint>.id}` */
export function healthCheckRef(tf: TfJson, endpoint: string): string {
  return ref(tf, 'aws_route53_health_check', `Global/HealthCheck-${endpoint}`, 'id');
}
