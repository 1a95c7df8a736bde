import { readdirSync } from 'fs';
import { tmpdir } from 'os';
import { equivalenceDifferences, registeredTargets } from '../../bench/support/synth-equivalence';
import { measureOnce, synthesizeOutput } from '../../bench/support/synth-measure';
import { countResources } from '../../bench/support/synth-resource-counts';
import { scenario } from '../../bench/support/synth-scenario';
import { SYNTH_VARIANTS, SynthEngine } from '../../bench/support/synth-variants';

const variantOf = (engine: SynthEngine, author: 'lbkit' | 'hand-written') =>
  SYNTH_VARIANTS.find((v) => v.engine === engine && v.author === author)!;

/** A deep copy to mutate. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** The first resource of a type: a template's by `Type`, a cdk.tf.json's by resource type. */
function firstOf(engine: SynthEngine, output: any, type: string): any {
  if (engine === 'cloudformation') return Object.values<any>(output.Resources).find((r) => r.Type === type).Properties;
  return Object.values<any>(output.resource[type])[0];
}

const TYPES = {
  cloudformation: { targetGroup: 'AWS::ElasticLoadBalancingV2::TargetGroup', rule: 'AWS::ElasticLoadBalancingV2::ListenerRule' },
  terraform: { targetGroup: 'aws_lb_target_group', rule: 'aws_lb_listener_rule' },
};

describe.each(['cloudformation', 'terraform'] as const)('synthesis variants on %s', (engine) => {
  const lbkit = variantOf(engine, 'lbkit');
  const hand = variantOf(engine, 'hand-written');
  const outputs = new Map<number, { lbkit: any; hand: any; lbkitStackTraces: number; handStackTraces: number }>();
  const outputsAt = (routes: number) => {
    if (!outputs.has(routes)) {
      const [a, b] = [lbkit, hand].map((v) => synthesizeOutput(v, scenario(routes)));
      outputs.set(routes, { lbkit: a.output, hand: b.output, lbkitStackTraces: a.stackTraces, handStackTraces: b.stackTraces });
    }
    return outputs.get(routes)!;
  };

  test.each([1, 12])('at %i routes the hand-written code builds the load balancer lbkit builds', (routes) => {
    const { lbkit: a, hand: b } = outputsAt(routes);
    expect(equivalenceDifferences(engine, a, b)).toEqual([]);
    expect(registeredTargets(engine, b)).toHaveLength(routes);
  });

  test.each([1, 12])('at %i routes both write the same resources, type by type', (routes) => {
    const { lbkit: a, hand: b } = outputsAt(routes);
    expect(countResources(engine, b)).toEqual(countResources(engine, a));
    expect(countResources(engine, a)[TYPES[engine].rule]).toBe(routes);
  });

  test('stack traces are counted per synthesis and grow with routes; lbkit captures no more than the hand-written code', () => {
    const [one, twelve] = [outputsAt(1), outputsAt(12)];
    // The scenario turns alarms off (the hand-written code has none), which lbkit warns about
    // (lbkit:alarmsDisabled); aws-cdk-lib captures a stack trace with each warning, cdktf does not.
    const warningTraces = engine === 'cloudformation' ? 1 : 0;
    expect(one.lbkitStackTraces).toBeGreaterThan(0);
    expect(twelve.lbkitStackTraces).toBeGreaterThan(one.lbkitStackTraces);
    expect(twelve.lbkitStackTraces).toBeLessThanOrEqual(twelve.handStackTraces + warningTraces);
  });

  test('the equivalence check notices a different health check, a lost target and a different condition', () => {
    const { hand: b, lbkit: a } = outputsAt(1);
    const slowerChecks = copy(b);
    const tg = firstOf(engine, slowerChecks, TYPES[engine].targetGroup);
    if (engine === 'cloudformation') tg.HealthCheckIntervalSeconds = 30;
    else tg.health_check.interval = 30;
    expect(equivalenceDifferences(engine, a, slowerChecks).join()).toMatch(/^model: /);

    const noTarget = copy(b);
    if (engine === 'cloudformation') delete firstOf(engine, noTarget, TYPES[engine].targetGroup).Targets;
    else delete noTarget.resource.aws_lb_target_group_attachment;
    expect(equivalenceDifferences(engine, a, noTarget).join()).toMatch(/^targets: /);

    const otherPath = copy(b);
    const rule = firstOf(engine, otherPath, TYPES[engine].rule);
    if (engine === 'cloudformation') rule.Conditions[0].PathPatternConfig.Values = ['/other/*'];
    else rule.condition[0].path_pattern.values = ['/other/*'];
    expect(equivalenceDifferences(engine, a, otherPath).join()).toContain('/other/*');
  });

  test('a measurement times one synthesis and leaves no directory behind', () => {
    const leftovers = () => readdirSync(tmpdir()).filter((d) => d.startsWith(`lbkit-bench-${lbkit.id}-`));
    const before = leftovers().length;
    const m = measureOnce(lbkit, scenario(2));
    expect(m.ms).toBeGreaterThan(0);
    expect(m.cpuMs).toBeGreaterThan(0);
    expect(m.outputBytes).toBeGreaterThan(1000);
    expect(leftovers()).toHaveLength(before);
  });
});

describe('scenario', () => {
  test('route n has its own path, port and target', () => {
    expect(scenario(3).routes).toEqual([
      { name: 'svc1', path: '/svc1/*', port: 8001, targetIp: '10.0.1.1' },
      { name: 'svc2', path: '/svc2/*', port: 8002, targetIp: '10.0.1.2' },
      { name: 'svc3', path: '/svc3/*', port: 8003, targetIp: '10.0.1.3' },
    ]);
  });

  test.each([0, 251, 2.5])('%p routes is refused', (n) => {
    expect(() => scenario(n)).toThrow(/1 to 250/);
  });
});
