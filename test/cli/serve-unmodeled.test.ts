import { readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { closeServed, serve, synthWebApi } from './support';
import { isApplicationModel } from '../../src/core/model/any-load-balancer-model';

let example: ReturnType<typeof synthWebApi>;

beforeAll(() => { example = synthWebApi(); });
afterAll(() => rmSync(example.dir, { recursive: true, force: true }));
afterEach(() => closeServed());

type Json = Record<string, any>;

/** The web-api example's output with escape-hatch overrides as each engine writes them: two unmodeled properties, one modeled. */
const OVERRIDE: Record<'cloudFormation' | 'terraform', (output: Json) => { lb: string; rule: string }> = {
  cloudFormation: (t) => {
    const [lbId, lb] = Object.entries<Json>(t.Resources).find(([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer')!;
    // The same key twice (two overrides of one attribute) is still one property.
    lb.Properties.LoadBalancerAttributes.push(
      { Key: 'routing.http.preserve_host_header.enabled', Value: 'true' },
      { Key: 'routing.http.preserve_host_header.enabled', Value: 'true' },
    );
    lb.Properties.EnablePrefixForIpv6SourceNat = 'off';
    const [ruleId, rule] = Object.entries<Json>(t.Resources).find(([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::ListenerRule' && r.Metadata['lbkit:route'] === 'upload')!;
    rule.Properties.Priority = 999;
    return { lb: `${lbId} (AWS::ElasticLoadBalancingV2::LoadBalancer): LoadBalancerAttributes[routing.http.preserve_host_header.enabled]`, rule: ruleId };
  },
  terraform: (c) => {
    const [lbName, lb] = Object.entries<Json>(c.resource.aws_lb)[0];
    lb.preserve_host_header = true;
    lb.enable_prefix_for_ipv6_source_nat = false;
    const [ruleName, rule] = Object.entries<Json>(c.resource.aws_lb_listener_rule).find(([, r]) => r.tags['lbkit:route'] === 'upload')!;
    rule.priority = 999;
    return { lb: `aws_lb.${lbName} (aws_lb): preserve_host_header`, rule: `aws_lb_listener_rule.${ruleName}` };
  },
};

describe.each(['cloudFormation', 'terraform'] as const)('lbkit serve on %s output with escape-hatch overrides', (engine) => {
  test('runs, warns once per unmodeled property naming the resource, and serves the overridden modeled value', async () => {
    const output = JSON.parse(readFileSync(example[engine], 'utf8'));
    const expected = OVERRIDE[engine](output);
    const file = join(example.dir, `overridden-${engine}.json`);
    writeFileSync(file, JSON.stringify(output));

    const { session, io } = await serve(file, '--port', '443=0', '--port', '80=0', '--ca-dir', join(example.dir, `ca-unmodeled-${engine}`));
    const warnings = io.stderr.split('\n').filter((l) => l.startsWith('lbkit serve: warning:'));
    expect(warnings).toHaveLength(2);
    expect(warnings).toContainEqual(`lbkit serve: warning: ${expected.lb} is not modeled by lbkit; ignored (the local proxy does not emulate it)`);
    expect(warnings.filter((w) => /EnablePrefixForIpv6SourceNat|enable_prefix_for_ipv6_source_nat/.test(w))).toHaveLength(1);
    // Warnings follow the start-up summary, which went out first.
    expect(io.stdout).toContain('HTTPS 443 →');
    // The rule's overridden priority is what is served (the output, not the plan).
    const model = session.model!;
    expect(isApplicationModel(model) && model.listeners.find((l) => l.port === 443)!.rules.find((r) => r.route === 'upload')!.priority).toBe(999);
  });

  test('the unmodified output serves without a warning', async () => {
    const { io } = await serve(example[engine], '--port', '443=0', '--port', '80=0', '--ca-dir', join(example.dir, `ca-plain-${engine}`));
    expect(io.stderr).not.toContain('warning');
  });
});

test('--watch: a reload warns only about unmodeled properties it has not warned about yet', async () => {
  const output = JSON.parse(readFileSync(example.cloudFormation, 'utf8'));
  const expected = OVERRIDE.cloudFormation(output);
  const file = join(example.dir, 'watched-unmodeled.template.json');
  writeFileSync(file, JSON.stringify(output));
  const { io } = await serve(file, '--port', '443=0', '--port', '80=0', '--ca-dir', join(example.dir, 'ca-unmodeled-watch'), '--watch');
  const warnings = () => io.stderr.split('\n').filter((l) => l.startsWith('lbkit serve: warning:'));
  expect(warnings()).toHaveLength(2);

  // The same overrides again, and one more on a listener: an attribute key lbkit does not know (one AWS adds later, say).
  const [, listener] = Object.entries<Json>(output.Resources).find(([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::Listener')!;
  listener.Properties.ListenerAttributes = [...(listener.Properties.ListenerAttributes ?? []), { Key: 'routing.http.response.future_header.header_value', Value: 'x' }];
  writeFileSync(file, JSON.stringify(output));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && !io.stdout.includes('lbkit serve: reloaded')) await new Promise((r) => setTimeout(r, 100));
  expect(io.stdout).toContain('lbkit serve: reloaded');
  expect(warnings()).toHaveLength(3);
  expect(warnings()).toContain(`lbkit serve: warning: ${expected.lb} is not modeled by lbkit; ignored (the local proxy does not emulate it)`);
  expect(warnings()[2]).toMatch(/\(AWS::ElasticLoadBalancingV2::Listener\): ListenerAttributes\[routing\.http\.response\.future_header\.header_value\] is not modeled by lbkit/);
});
