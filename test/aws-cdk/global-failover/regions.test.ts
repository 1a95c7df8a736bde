import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Annotations as CoreAnnotations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Annotations, harness, props, recordsOf, SECONDARY, PRIMARY, synth, Template } from './fixtures';
import { createApp } from '../../../examples/global-failover-cdk/app';
import { GlobalFailover } from '../../../src/aws-cdk';

const ALARM_REGION_WARNING = 'Route 53 publishes health-check metrics only in us-east-1; alarms created in eu-west-1 never leave INSUFFICIENT_DATA. '
  + 'Deploy GlobalFailover in us-east-1 or set healthCheck.alarm to false. [ack: lbkit:healthCheckAlarmRegion]';
const warningsOf = (stack: Parameters<typeof Annotations.fromStack>[0]) => Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));

describe('5. regions: where GlobalFailover lives and how it reaches regional load balancers', () => {
  test('in a stack outside us-east-1 with alarms, lbkit warns that the alarms would never see data', () => {
    const { h } = synth({}, 'eu-west-1');
    Annotations.fromStack(h.stack).hasWarning('/Stack/Global', ALARM_REGION_WARNING);
    expect(warningsOf(h.stack)).toEqual([ALARM_REGION_WARNING]);
  });

  test('no warning in us-east-1, in an environment-agnostic stack (region unknown), or outside us-east-1 without alarms', () => {
    expect(warningsOf(synth({}, 'us-east-1').h.stack)).toEqual([]);
    expect(warningsOf(synth({}, null).h.stack)).toEqual([]);
    const noAlarms = { endpoints: [{ ...PRIMARY, healthCheck: { alarm: false } }, { ...SECONDARY, healthCheck: { alarm: false } }] };
    expect(warningsOf(synth(noAlarms, 'eu-west-1').h.stack)).toEqual([]);
  });

  test('the warning has an id, so a deliberate choice can acknowledge it', () => {
    const h = harness('eu-west-1');
    const gf = new GlobalFailover(h.stack, 'Global', props(h));
    CoreAnnotations.of(gf).acknowledgeWarning('lbkit:healthCheckAlarmRegion', 'alarms are mirrored to us-east-1 by another team');
    expect(warningsOf(h.stack)).toEqual([]);
  });

  describe('the example: two regional stacks and one global stack', () => {
    const assembly = createApp().synth();
    const global = Template.fromJSON(assembly.getStackByName('GlobalDns').template);

    test('ApiEuWest1 in eu-west-1, ApiUsEast1 and GlobalDns in us-east-1; the global stack deploys after both', () => {
      expect(assembly.stacks.map((s) => [s.stackName, s.environment.region])).toEqual([
        ['ApiEuWest1', 'eu-west-1'], ['ApiUsEast1', 'us-east-1'], ['GlobalDns', 'us-east-1'],
      ]);
      expect(assembly.getStackByName('GlobalDns').dependencies.map((d) => d.id).filter((id) => !id.endsWith('.assets')).sort()).toEqual(['ApiEuWest1', 'ApiUsEast1']);
    });

    test('the eu-west-1 load balancer crosses regions through CDK\'s cross-region references (SSM in us-east-1 read by a custom resource)', () => {
      const reader = Object.keys(global.findResources('Custom::CrossRegionExportReader'));
      expect(reader).toHaveLength(1);
      const [eu] = recordsOf(global, 'eu-west-1');
      expect(eu.AliasTarget.DNSName).toEqual({ 'Fn::GetAtt': [reader[0], expect.stringMatching(/^\/cdk\/exports\/GlobalDns\/ApiEuWest1euwest1FnGetAttApiLoadBalancer.*DNSName/)] });
      expect(eu.AliasTarget.HostedZoneId).toEqual({ 'Fn::GetAtt': [reader[0], expect.stringMatching(/CanonicalHostedZoneID/)] });
      const writer = Template.fromJSON(assembly.getStackByName('ApiEuWest1').template);
      writer.hasResourceProperties('Custom::CrossRegionExportWriter', { WriterProps: { region: 'us-east-1' } });
    });

    test('the us-east-1 load balancer, in the same region, through an ordinary export', () => {
      const [us] = recordsOf(global, 'us-east-1');
      expect(us.AliasTarget.DNSName).toEqual({ 'Fn::ImportValue': expect.stringMatching(/^ApiUsEast1:ExportsOutputFnGetAttApiLoadBalancer.*DNSName/) });
    });

    test('synthesizes offline: no lookups, nothing missing, three templates written', () => {
      const outdir = mkdtempSync(join(tmpdir(), 'lbkit-gf-'));
      try {
        const written = createApp(outdir).synth();
        expect(written.manifest.missing ?? []).toEqual([]);
        expect(readdirSync(outdir).filter((f) => f.endsWith('.template.json')).sort())
          .toEqual(['ApiEuWest1.template.json', 'ApiUsEast1.template.json', 'GlobalDns.template.json']);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    });
  });
});
