import { errorOf, harness, PRIMARY, props, SECONDARY } from './fixtures';
import { GlobalFailover } from '../../../src/aws-cdk';
import { FailoverRole, RoutingPolicy } from '../../../src/core';
import { LbkitValidationError } from '../../../src/core/errors';

const latency = [{ ...PRIMARY, role: undefined }, { ...SECONDARY, role: undefined }];

/** Bad input fails at synth with the construct path, the option, the limit and the received value. */
describe('6. validation through the construct', () => {
  test.each<[string, Parameters<typeof errorOf>[0], string]>([
    ['two primaries', { endpoints: [PRIMARY, { ...SECONDARY, role: FailoverRole.PRIMARY }] },
      'Stack/Global: endpoints must be exactly one PRIMARY and one SECONDARY under failover routing (got 2 primary, 0 secondary, 2 endpoints) (received: ["eu:PRIMARY","us:PRIMARY"])'],
    ['no secondary', { endpoints: [PRIMARY] },
      'Stack/Global: endpoints must be exactly one PRIMARY and one SECONDARY under failover routing (got 1 primary, 0 secondary, 1 endpoints) (received: ["eu:PRIMARY"])'],
    ['a third endpoint without a role', { endpoints: [PRIMARY, SECONDARY, { name: 'ap', dnsName: 'ap.elb.amazonaws.com', hostedZoneId: 'Z1LMS91P8CMLE5' }] },
      'Stack/Global: endpoints must be exactly one PRIMARY and one SECONDARY under failover routing (got 1 primary, 1 secondary, 3 endpoints) (received: ["eu:PRIMARY","us:SECONDARY","ap:no role"])'],
    ['interval 20', { endpoints: [{ ...PRIMARY, healthCheck: { intervalSeconds: 20 } }, SECONDARY] },
      'Stack/Global: endpoints["eu"].healthCheck.intervalSeconds must be 10 or 30 (Route 53\'s request intervals) (received: 20)'],
    ['threshold 0', { endpoints: [{ ...PRIMARY, healthCheck: { failureThreshold: 0 } }, SECONDARY] },
      'Stack/Global: endpoints["eu"].healthCheck.failureThreshold must be a whole number from 1 to 10 (received: 0)'],
    ['threshold 11', { endpoints: [PRIMARY, { ...SECONDARY, healthCheck: { failureThreshold: 11 } }] },
      'Stack/Global: endpoints["us"].healthCheck.failureThreshold must be a whole number from 1 to 10 (received: 11)'],
    ['weight 256', { routingPolicy: RoutingPolicy.WEIGHTED, endpoints: [{ ...PRIMARY, role: undefined, weight: 256 }] },
      'Stack/Global: endpoints["eu"].weight must be a whole number from 0 to 255 (received: 256)'],
    ['weight -1', { routingPolicy: RoutingPolicy.WEIGHTED, endpoints: [{ ...PRIMARY, role: undefined, weight: -1 }] },
      'Stack/Global: endpoints["eu"].weight must be a whole number from 0 to 255 (received: -1)'],
    ['duplicate region under latency', { routingPolicy: RoutingPolicy.LATENCY, endpoints: [latency[0], { ...latency[1], region: 'eu-west-1' }] },
      'Stack/Global: endpoints["us"].region duplicates endpoint "eu": latency routing takes one endpoint per region (received: "eu-west-1")'],
    ['path without a leading slash', { endpoints: [{ ...PRIMARY, healthCheck: { path: 'health' } }, SECONDARY] },
      'Stack/Global: endpoints["eu"].healthCheck.path must start with "/" and be at most 255 characters (received: "health")'],
    ['fewer than 3 checker regions', { endpoints: [{ ...PRIMARY, healthCheck: { regions: ['us-east-1', 'eu-west-1'] } }, SECONDARY] },
      'Stack/Global: endpoints["eu"].healthCheck.regions must name at least 3 distinct regions (received: ["us-east-1","eu-west-1"])'],
    ['duplicate endpoint names', { endpoints: [PRIMARY, { ...SECONDARY, name: 'eu' }] },
      'Stack/Global: endpoints[1].name must be unique among endpoints (received: "eu")'],
    ['names that collide as construct ids', { endpoints: [{ ...PRIMARY, name: 'eu.1' }, { ...SECONDARY, name: 'eu-1' }] },
      'Stack/Global: endpoints["eu-1"].name gives the same construct id as endpoint "eu.1" (eu-1); names may differ in letters, digits and hyphens only (received: "eu-1")'],
    ['no endpoints', { endpoints: [] },
      'Stack/Global: endpoints must contain at least one endpoint (received: [])'],
    ['a record outside the hosted zone', { recordName: 'api.example.org' },
      'Stack/Global: recordName must be in the hosted zone example.com (hostedZone) (received: "api.example.org")'],
    ['not a DNS name', { recordName: 'api example' },
      'Stack/Global: recordName must be a DNS name such as api.example.com (received: "api example")'],
  ])('%s', (_name, extra, message) => {
    expect(errorOf(extra)).toBe(message);
  });

  test('the error is a LbkitValidationError carrying path, option and value', () => {
    const h = harness('us-east-1');
    let error: unknown;
    try {
      new GlobalFailover(h.stack, 'Global', props(h, { endpoints: [{ ...PRIMARY, healthCheck: { intervalSeconds: 20 } }, SECONDARY] }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LbkitValidationError);
    expect(error).toMatchObject({ constructPath: 'Stack/Global', option: 'endpoints["eu"].healthCheck.intervalSeconds', received: 20 });
  });
});
