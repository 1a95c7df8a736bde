import * as fc from 'fast-check';
import { Json, JsonPath } from './mutations';
import { AnyLoadBalancerModel } from '../../../src/core/model/any-load-balancer-model';

/**
 * A routing-relevant field of a synthesized file: where it is (a resource type and a path inside
 * the resource, per engine), the values to write there, and what a model that honours the written
 * value shows. A read that succeeds after the field is changed must show the new value.
 */
export interface RoutingField {
  readonly name: string;
  /** CloudFormation: resource Type suffix, and a pattern of the path under the resource (keys and indexes joined by '/'). */
  readonly cloudformation: { readonly type: RegExp; readonly path: RegExp };
  /** Terraform: resource type, and a pattern of the path under the resource body. */
  readonly terraform: { readonly type: RegExp; readonly path: RegExp };
  readonly value: fc.Arbitrary<number | string>;
  /** True when the models show `value` where this field goes. */
  readonly shows: (models: readonly AnyLoadBalancerModel[], value: number | string) => boolean;
}

/** Every value under `key` anywhere in a value. */
function valuesOf(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) {
    if (k === key) out.push(v);
    valuesOf(v, key, out);
  }
  return out;
}

const has = (key: string) => (models: readonly AnyLoadBalancerModel[], value: number | string) =>
  valuesOf(models, key).some((v) => v === value || (Array.isArray(v) && v.includes(value)));

/** A number, sometimes written as a numeric string (both engines' readers take either). */
const numberOrNumericString = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.boolean())
  .map(([n, asString]) => (asString ? String(n) : n));

/** A distinctive path segment: no synthesized file has it, so only the mutation can have put it in the model. */
const fuzzPath = (suffix: string) => fc.stringMatching(/^[a-z0-9]{1,8}$/).map((s) => `/fz-${s}${suffix}`);

export const ROUTING_FIELDS: RoutingField[] = [
  {
    name: 'rule priority',
    cloudformation: { type: /::ListenerRule$/, path: /^Properties\/Priority$/ },
    terraform: { type: /^aws_(a)?lb_listener_rule$/, path: /^priority$/ },
    value: numberOrNumericString(1, 50_000),
    shows: (models, v) => has('priority')(models, Number(v)),
  },
  {
    name: 'path-pattern condition value',
    cloudformation: { type: /::ListenerRule$/, path: /^Properties\/Conditions\/\d+\/PathPatternConfig\/Values\/\d+$/ },
    terraform: { type: /^aws_(a)?lb_listener_rule$/, path: /^condition\/\d+\/path_pattern(\/\d+)?\/values\/\d+$/ },
    value: fuzzPath('/*'),
    shows: has('pathPatterns'),
  },
  {
    name: 'forward weight',
    cloudformation: { type: /::Listener(Rule)?$/, path: /Actions\/\d+\/ForwardConfig\/TargetGroups\/\d+\/Weight$/ },
    terraform: { type: /^aws_(a)?lb_listener(_rule)?$/, path: /action\/\d+\/forward(\/\d+)?\/target_group\/\d+\/weight$/ },
    value: numberOrNumericString(0, 999),
    shows: (models, v) => has('weight')(models, Number(v)),
  },
  {
    name: 'listener port',
    cloudformation: { type: /::Listener$/, path: /^Properties\/Port$/ },
    terraform: { type: /^aws_(a)?lb_listener$/, path: /^port$/ },
    value: numberOrNumericString(1, 65_535),
    shows: (models, v) => models.some((m) => m.listeners.some((l) => l.port === Number(v))),
  },
  {
    name: 'health-check interval',
    cloudformation: { type: /::TargetGroup$/, path: /^Properties\/HealthCheckIntervalSeconds$/ },
    terraform: { type: /^aws_(a)?lb_target_group$/, path: /^health_check(\/\d+)?\/interval$/ },
    value: numberOrNumericString(5, 300),
    shows: (models, v) => has('intervalSeconds')(models, Number(v)),
  },
  {
    name: 'health-check path',
    cloudformation: { type: /::TargetGroup$/, path: /^Properties\/HealthCheckPath$/ },
    terraform: { type: /^aws_(a)?lb_target_group$/, path: /^health_check(\/\d+)?\/path$/ },
    value: fuzzPath(''),
    shows: has('path'),
  },
  {
    name: 'health-check healthy threshold',
    cloudformation: { type: /::TargetGroup$/, path: /^Properties\/HealthyThresholdCount$/ },
    terraform: { type: /^aws_(a)?lb_target_group$/, path: /^health_check(\/\d+)?\/healthy_threshold$/ },
    value: numberOrNumericString(2, 10),
    shows: (models, v) => has('healthyThreshold')(models, Number(v)),
  },
];

/** Leaf paths of a value (scalars only), relative to it. */
function leafPaths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => leafPaths((value as any)[k], [...prefix, k]));
}

/** The full paths of a field in a parsed synthesized file of an engine. */
export function fieldPaths(doc: any, engine: 'cloudformation' | 'terraform', field: RoutingField): JsonPath[] {
  const out: JsonPath[] = [];
  if (engine === 'cloudformation') {
    for (const [id, resource] of Object.entries<any>(doc.Resources ?? {})) {
      if (!field.cloudformation.type.test(String(resource?.Type))) continue;
      for (const p of leafPaths(resource)) if (field.cloudformation.path.test(p.join('/'))) out.push(['Resources', id, ...p]);
    }
  } else {
    for (const [type, byName] of Object.entries<any>(doc.resource ?? {})) {
      if (!field.terraform.type.test(type)) continue;
      for (const [name, body] of Object.entries<any>(byName)) {
        for (const p of leafPaths(body)) if (field.terraform.path.test(p.join('/'))) out.push(['resource', type, name, ...p]);
      }
    }
  }
  return out;
}
