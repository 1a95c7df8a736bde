import { AnyLoadBalancerModel, isApplicationModel } from '../../../src/core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../../../src/core/model/dns-routing-model';
import { REFERENCE } from '../../../src/core/model/load-balancer-model';
import { LbkitConfigError } from '../../../src/readers';

/** Highest TCP/UDP port. */
const MAX_PORT = 65535;

/**
 * How a read of a fuzzed file ended that the readers must never do, or undefined when it ended
 * well: a model, or one LbkitConfigError of one line that starts with the file's name.
 */
export function badEnding(source: string, outcome: { error: unknown } | { value: unknown }): string | undefined {
  if ('value' in outcome) return undefined;
  const e = outcome.error;
  if (!(e instanceof LbkitConfigError)) return `threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`;
  if (e.message.includes('\n')) return `LbkitConfigError of several lines: ${JSON.stringify(e.message)}`;
  if (!e.message.startsWith(`${source}: `)) return `LbkitConfigError not naming the file: ${e.message}`;
  if (e.message.length <= source.length + 2) return 'LbkitConfigError that says nothing';
  return undefined;
}

/** Paths in a value whose number is not finite (NaN or ±Infinity reached the model). */
function nonFiniteNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
}

/** A port, or REFERENCE: the readers' documented value for one the file leaves to a variable or intrinsic. */
const isPort = (n: unknown) => n === REFERENCE || (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_PORT);

/**
 * What in models read without an error cannot route as the file says: a number that is not
 * finite, a listener port that is no port, a rule priority that is not an integer, or an action
 * forwarding to a target group the model does not hold (or with a weight that is not a number).
 * REFERENCE (a value the file leaves to a variable, parameter or other stack) is accepted
 * wherever the readers document it.
 */
export function incoherence(models: readonly AnyLoadBalancerModel[], dns: readonly DnsRoutingModel[]): string[] {
  const problems = [...nonFiniteNumbers(models, 'models'), ...nonFiniteNumbers(dns, 'dns')].map((p) => `${p}: not a finite number`);
  for (const model of models) {
    for (const l of model.listeners) if (!isPort(l.port)) problems.push(`${model.name}: listener port ${JSON.stringify(l.port)}`);
    if (isApplicationModel(model)) {
      const groups = new Set([...model.targetGroups.map((g) => g.name), ...(model.lambdaTargetGroups ?? []).map((g) => g.name)]);
      for (const l of model.listeners) {
        const actions = [{ where: `listener ${l.port} default`, action: l.defaultAction }, ...l.rules.map((r) => ({ where: `rule ${r.route}`, action: r.action }))];
        for (const r of l.rules) {
          if (!Number.isInteger(r.priority) && (r.priority as unknown) !== REFERENCE) problems.push(`${model.name}: listener ${l.port} rule ${r.route}: priority ${JSON.stringify(r.priority)}`);
        }
        for (const { where, action } of actions) {
          if (action.type !== 'forward') continue;
          for (const t of action.targetGroups) {
            if (!groups.has(t.name) && t.name !== REFERENCE) problems.push(`${model.name}: ${where} forwards to ${JSON.stringify(t.name)}, not a target group of the model`);
            if (typeof t.weight !== 'number' && (t.weight as unknown) !== REFERENCE) problems.push(`${model.name}: ${where} weight ${JSON.stringify(t.weight)}`);
          }
        }
      }
    } else {
      const groups = new Set(model.targetGroups.map((g) => g.name));
      for (const l of model.listeners) {
        if (!groups.has(l.targetGroup) && l.targetGroup !== REFERENCE) problems.push(`${model.name}: listener ${l.port} forwards to ${JSON.stringify(l.targetGroup)}, not a target group of the model`);
      }
    }
  }
  return problems;
}
