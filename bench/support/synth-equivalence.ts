import { SynthEngine } from './synth-variants';
import { AnyLoadBalancerModel } from '../../src/core/model/any-load-balancer-model';
import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { readCloudFormation, readTerraform } from '../../src/readers';

/**
 * Whether the hand-written code builds the same load balancer as lbkit, judged the way lbkit
 * judges its own renderers: both outputs are read back into the engine-neutral model (the
 * proxy's readers) and compared. Only the author's free choices are set aside:
 *
 * - rule priorities and rule names: the scenario's paths are disjoint, so any order routes the
 *   same; hand-written code numbers rules 1, 2, 3, lbkit by specificity;
 * - an empty access-log prefix, which aws-cdk-lib's `logAccessLogs` writes and which means no prefix.
 */
export function modelOf(engine: SynthEngine, output: object): unknown {
  const models = engine === 'cloudformation' ? readCloudFormation(output) : readTerraform(output);
  return normalizeModel(models.map(withoutAuthorChoices));
}

function withoutAuthorChoices(model: AnyLoadBalancerModel): unknown {
  if (model.kind !== 'application') return model;
  const accessLogs = model.accessLogs.enabled && model.accessLogs.prefix === ''
    ? { enabled: true, bucket: model.accessLogs.bucket }
    : model.accessLogs;
  const listeners = model.listeners.map((l) => ({
    ...l,
    rules: l.rules
      .map(({ priority, route, ...rule }) => rule)
      .sort((a, b) => compare(JSON.stringify(normalizeModel(a)), JSON.stringify(normalizeModel(b)))),
  }));
  return { ...model, accessLogs, listeners };
}

/** Each registered target as `<target group port>:<id>:<port>`, sorted: CloudFormation `Targets`, Terraform attachments. */
export function registeredTargets(engine: SynthEngine, output: any): string[] {
  const targets: string[] = [];
  if (engine === 'cloudformation') {
    for (const r of Object.values<any>(output.Resources ?? {})) {
      if (r.Type !== 'AWS::ElasticLoadBalancingV2::TargetGroup') continue;
      for (const t of r.Properties.Targets ?? []) targets.push(`${r.Properties.Port}:${t.Id}:${t.Port}`);
    }
  } else {
    const groups = output.resource?.aws_lb_target_group ?? {};
    for (const a of Object.values<any>(output.resource?.aws_lb_target_group_attachment ?? {})) {
      const group = /^\$\{aws_lb_target_group\.([^.]+)\.arn\}$/.exec(a.target_group_arn)?.[1];
      targets.push(`${group !== undefined ? groups[group]?.port : '?'}:${a.target_id}:${a.port}`);
    }
  }
  return targets.sort(compare);
}

/** What differs between lbkit's and the hand-written output, as `what: lbkit ≠ hand-written` lines; empty when equivalent. */
export function equivalenceDifferences(engine: SynthEngine, lbkitOutput: object, handWrittenOutput: object): string[] {
  const out: string[] = [];
  const a = JSON.stringify(modelOf(engine, lbkitOutput));
  const b = JSON.stringify(modelOf(engine, handWrittenOutput));
  if (a !== b) out.push(`model: ${a} ≠ ${b}`);
  const ta = registeredTargets(engine, lbkitOutput).join(',');
  const tb = registeredTargets(engine, handWrittenOutput).join(',');
  if (ta !== tb) out.push(`targets: ${ta} ≠ ${tb}`);
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
