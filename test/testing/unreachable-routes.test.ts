import { CLOUDFORMATION } from './engines';
import { ConditionsModel, LoadBalancerModel } from '../../src/core/model/load-balancer-model';
import { loadBalancerModel, unreachableRoutes } from '../../src/testing';

// The kit judges a read model with core's coverage check (test/core/covers*.test.ts), the one the
// synth-time "unreachable route" error uses; these cases pin that it does, on hand-made rules.

const base = loadBalancerModel(CLOUDFORMATION.webApiJson()) as LoadBalancerModel;
const https = base.listeners.find((l) => l.port === 443)!;

/** The example's load balancer with its HTTPS listener holding only these rules (priority in order). */
function withRules(...conditions: ConditionsModel[]): LoadBalancerModel {
  const rules = conditions.map((c, i) => ({ ...https.rules[0], route: `r${i + 1}`, priority: (i + 1) * 10, conditions: c }));
  return { ...base, listeners: [{ ...https, rules }] };
}

const shadowed = (...conditions: ConditionsModel[]) => unreachableRoutes(withRules(...conditions)).map((u) => `${u.route} by ${u.shadowedBy.route}`);

test('a wildcard value covering another wildcard value shadows its rule', () => {
  expect(shadowed({ pathPatterns: ['/api/v?/*'] }, { pathPatterns: ['/api/v1/*'] })).toEqual(['r2 by r1']);
  expect(shadowed({ pathPatterns: ['/a*b'] }, { pathPatterns: ['/a*x*b'] })).toEqual(['r2 by r1']);
  expect(shadowed({ pathPatterns: ['/api/v1/*'] }, { pathPatterns: ['/api/*'] })).toEqual([]);
});

test('only the first rule that covers is named; a partial or joint shadow is not reported', () => {
  expect(shadowed({ hostHeaders: ['*.example.com'] }, { hostHeaders: ['API.example.com'] }, { hostHeaders: ['a.example.com'] }))
    .toEqual(['r2 by r1', 'r3 by r1']);
  expect(shadowed({ pathPatterns: ['/v2/*'] }, { pathPatterns: ['/v3/*'] }, { pathPatterns: ['/v2/*', '/v3/*'] })).toEqual([]);
});

test('engine references, and header conditions without values, are never taken as covered', () => {
  expect(shadowed({ hostHeaders: ['${Token[TOKEN.1]}'] }, { hostHeaders: ['${Token[TOKEN.1]}'] })).toEqual([]);
  expect(shadowed({ httpHeaders: [{ name: 'x-a', values: [] }] }, { httpHeaders: [{ name: 'x-a', values: ['1'] }] })).toEqual([]);
  expect(shadowed({ httpHeaders: [{ name: 'x-a', values: ['1'] }] }, { httpHeaders: [{ name: 'x-a', values: [] }] })).toEqual([]);
});

test('source IPs by containment, a bare address as its own block', () => {
  expect(shadowed({ sourceIps: ['10.0.0.0/8'] }, { sourceIps: ['10.1.2.3'] })).toEqual(['r2 by r1']);
  expect(shadowed({ sourceIps: ['10.0.0.0/8'] }, { sourceIps: ['10.1.0.0/16', '192.0.2.0/24'] })).toEqual([]);
});
