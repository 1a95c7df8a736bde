import { Annotations, errorOf, PRIMARY, RECORD, recordsOf, SECONDARY, synth, all } from './fixtures';
import { RoutingPolicy } from '../../../src/core';

const latencyEndpoints = [{ ...PRIMARY, role: undefined }, { ...SECONDARY, role: undefined }];
const weighted = (eu: number, us: number) => [{ ...PRIMARY, role: undefined, weight: eu }, { ...SECONDARY, role: undefined, weight: us }];
const routingFields = (r: Record<string, any>) => ({ Failover: r.Failover, Region: r.Region, Weight: r.Weight });

describe('2. routing policies: failover, latency, weighted', () => {
  test('failover: the primary and the secondary record, each with its health check, no region or weight', () => {
    const { template } = synth();
    expect(all(template, RECORD).map((r) => [r.Properties.SetIdentifier, routingFields(r.Properties)])).toEqual([
      ['eu', { Failover: 'PRIMARY', Region: undefined, Weight: undefined }],
      ['us', { Failover: 'SECONDARY', Region: undefined, Weight: undefined }],
    ]);
    for (const r of all(template, RECORD)) expect(r.Properties.HealthCheckId).toEqual({ Ref: expect.stringMatching(/^GlobalHealthCheck/) });
  });

  test('latency: one record per region carrying the region', () => {
    const { template } = synth({ routingPolicy: RoutingPolicy.LATENCY, endpoints: latencyEndpoints });
    expect(['eu', 'us'].map((e) => routingFields(recordsOf(template, e)[0]))).toEqual([
      { Failover: undefined, Region: 'eu-west-1', Weight: undefined },
      { Failover: undefined, Region: 'us-east-1', Weight: undefined },
    ]);
  });

  test('weighted: the weights, 0 and 255 included', () => {
    const { template } = synth({ routingPolicy: RoutingPolicy.WEIGHTED, endpoints: weighted(255, 0) });
    expect(['eu', 'us'].map((e) => routingFields(recordsOf(template, e)[0]))).toEqual([
      { Failover: undefined, Region: undefined, Weight: 255 },
      { Failover: undefined, Region: undefined, Weight: 0 },
    ]);
  });

  test('weighted canary across regions: 90/10, also with more than two endpoints', () => {
    const { template } = synth({
      routingPolicy: RoutingPolicy.WEIGHTED,
      endpoints: [...weighted(90, 10), { name: 'ap', dnsName: 'ap.elb.amazonaws.com', hostedZoneId: 'Z1LMS91P8CMLE5', weight: 0 }],
    });
    expect(all(template, RECORD).map((r) => [r.Properties.SetIdentifier, r.Properties.Weight])).toEqual([['ap', 0], ['eu', 90], ['us', 10]]);
  });

  test('all weights 0 is accepted by Route 53 but warned about', () => {
    const { h } = synth({ routingPolicy: RoutingPolicy.WEIGHTED, endpoints: weighted(0, 0) });
    Annotations.fromStack(h.stack).hasWarning('/Stack/Global', 'every endpoint has weight 0: Route 53 then answers with all of them equally. [ack: lbkit:allWeightsZero]');
  });

  test('options of another policy are refused', () => {
    expect(errorOf({ routingPolicy: RoutingPolicy.LATENCY })).toBe(
      'Stack/Global: endpoints["eu"].role only applies to failover routing (routing is latency) (received: "PRIMARY")');
    expect(errorOf({ endpoints: [{ ...PRIMARY, weight: 10 }, SECONDARY] })).toBe(
      'Stack/Global: endpoints["eu"].weight only applies to weighted routing (routing is failover) (received: 10)');
    expect(errorOf({ routingPolicy: RoutingPolicy.WEIGHTED, endpoints: [{ ...PRIMARY, role: undefined }] })).toBe(
      'Stack/Global: endpoints["eu"].weight is required under weighted routing (0–255) (received: undefined)');
    expect(errorOf({ routingPolicy: RoutingPolicy.LATENCY, endpoints: [{ ...PRIMARY, role: undefined, region: undefined }] })).toBe(
      'Stack/Global: endpoints["eu"].region is required under latency routing (received: undefined)');
    expect(errorOf({ routingPolicy: 'geo' as RoutingPolicy })).toBe(
      'Stack/Global: routingPolicy must be one of failover, latency, weighted (received: "geo")');
  });
});
