import { DNS_ENDPOINTS, gfErrorOf, withEndpoints } from './fixtures';
import { FailoverRole, RoutingPolicy } from '../../../src/core';

const plain = DNS_ENDPOINTS.map(({ role: _role, ...e }) => e);

/** Bad input fails at synth time with the construct path, the option, the value and the limit. */
describe('6. bad input to GlobalFailover (Terraform)', () => {
  test('failover needs exactly one primary and one secondary', () => {
    expect(gfErrorOf({ endpoints: withEndpoints({}, { role: FailoverRole.PRIMARY }) })).toBe(
      'Stack/Global: endpoints must be exactly one PRIMARY and one SECONDARY under failover routing (got 2 primary, 0 secondary, 2 endpoints) '
      + '(received: ["eu:PRIMARY","us:PRIMARY"])');
    expect(gfErrorOf({ endpoints: withEndpoints({ role: FailoverRole.SECONDARY }) })).toBe(
      'Stack/Global: endpoints must be exactly one PRIMARY and one SECONDARY under failover routing (got 0 primary, 2 secondary, 2 endpoints) '
      + '(received: ["eu:SECONDARY","us:SECONDARY"])');
    expect(gfErrorOf({ endpoints: [DNS_ENDPOINTS[0]] })).toBe(
      'Stack/Global: endpoints must be exactly one PRIMARY and one SECONDARY under failover routing (got 1 primary, 0 secondary, 1 endpoints) '
      + '(received: ["eu:PRIMARY"])');
  });

  test('the health-check interval is 10 or 30', () => {
    expect(gfErrorOf({ endpoints: withEndpoints({ healthCheck: { intervalSeconds: 15 } }) })).toBe(
      'Stack/Global: endpoints["eu"].healthCheck.intervalSeconds must be 10 or 30 (Route 53\'s request intervals) (received: 15)');
  });

  test('the failure threshold is 1 to 10', () => {
    expect(gfErrorOf({ endpoints: withEndpoints({}, { healthCheck: { failureThreshold: 0 } }) })).toBe(
      'Stack/Global: endpoints["us"].healthCheck.failureThreshold must be a whole number from 1 to 10 (received: 0)');
    expect(gfErrorOf({ endpoints: withEndpoints({ healthCheck: { failureThreshold: 11 } }) })).toBe(
      'Stack/Global: endpoints["eu"].healthCheck.failureThreshold must be a whole number from 1 to 10 (received: 11)');
  });

  test('weights are 0 to 255 and required under weighted routing', () => {
    expect(gfErrorOf({ routingPolicy: RoutingPolicy.WEIGHTED, endpoints: [{ ...plain[0], weight: 256 }, { ...plain[1], weight: 1 }] })).toBe(
      'Stack/Global: endpoints["eu"].weight must be a whole number from 0 to 255 (received: 256)');
    expect(gfErrorOf({ routingPolicy: RoutingPolicy.WEIGHTED, endpoints: [{ ...plain[0], weight: -1 }, { ...plain[1], weight: 1 }] })).toBe(
      'Stack/Global: endpoints["eu"].weight must be a whole number from 0 to 255 (received: -1)');
    expect(gfErrorOf({ routingPolicy: RoutingPolicy.WEIGHTED, endpoints: [{ ...plain[0], weight: 1 }, plain[1]] })).toBe(
      'Stack/Global: endpoints["us"].weight is required under weighted routing (0–255) (received: undefined)');
  });

  test('latency routing takes one endpoint per region', () => {
    expect(gfErrorOf({ routingPolicy: RoutingPolicy.LATENCY, endpoints: [plain[0], { ...plain[1], region: 'eu-west-1' }] })).toBe(
      'Stack/Global: endpoints["us"].region duplicates endpoint "eu": latency routing takes one endpoint per region (received: "eu-west-1")');
    expect(gfErrorOf({ routingPolicy: RoutingPolicy.LATENCY, endpoints: [plain[0], { ...plain[1], region: undefined }] })).toBe(
      'Stack/Global: endpoints["us"].region is required under latency routing (received: undefined)');
  });

  test('the health-check path starts with a slash', () => {
    expect(gfErrorOf({ endpoints: withEndpoints({ healthCheck: { path: 'health' } }) })).toBe(
      'Stack/Global: endpoints["eu"].healthCheck.path must start with "/" and be at most 255 characters (received: "health")');
  });

  test('options of another routing policy, duplicate names, a bad record name, too few checker regions', () => {
    expect(gfErrorOf({ routingPolicy: RoutingPolicy.LATENCY })).toBe(
      'Stack/Global: endpoints["eu"].role only applies to failover routing (routing is latency) (received: "PRIMARY")');
    expect(gfErrorOf({ endpoints: withEndpoints({}, { name: 'eu' }) })).toBe('Stack/Global: endpoints[1].name must be unique among endpoints (received: "eu")');
    expect(gfErrorOf({ recordName: 'api example' })).toBe('Stack/Global: recordName must be a DNS name such as api.example.com (received: "api example")');
    expect(gfErrorOf({ endpoints: withEndpoints({ healthCheck: { regions: ['us-east-1', 'eu-west-1'] } }) })).toBe(
      'Stack/Global: endpoints["eu"].healthCheck.regions must name at least 3 distinct regions (received: ["us-east-1","eu-west-1"])');
    expect(gfErrorOf({ endpoints: [] })).toBe('Stack/Global: endpoints must contain at least one endpoint (received: [])');
  });
});
