import { Template } from 'aws-cdk-lib/assertions';
import { ALARM, HEALTH_CHECK, RECORD } from './fixtures';
import { createApp } from '../../../examples/global-failover-cdk/app';
import { GlobalFailover } from '../../../src/aws-cdk';
import { normalizeModel } from '../../../src/core/model/load-balancer-model';
import { readSynthesized } from '../../../src/readers/read-file';

const STACKS = ['ApiEuWest1', 'ApiUsEast1', 'GlobalDns'];

/**
 * The templates of the example's three stacks. The only volatile values are the asset hashes of
 * CDK's cross-region reference handlers (they change with aws-cdk-lib, not with lbkit): stripped.
 */
function exampleTemplates(): Record<string, unknown> {
  const assembly = createApp().synth();
  const text = JSON.stringify(Object.fromEntries(STACKS.map((s) => [s, assembly.getStackByName(s).template])), null, 1);
  return JSON.parse(text.replace(/\b[0-9a-f]{64}\b/g, '<asset-hash>'));
}

describe('the global-failover example (examples/global-failover-cdk)', () => {
  test('synthesizes byte-identical templates twice', () => {
    const raw = () => {
      const assembly = createApp().synth();
      return STACKS.map((s) => JSON.stringify(assembly.getStackByName(s).template, null, 1)).join('\n');
    };
    expect(raw()).toBe(raw());
  });

  test('matches the snapshot', () => {
    expect(exampleTemplates()).toMatchSnapshot();
  });

  test('GlobalDns: two HTTPS /health checks with alarms, a PRIMARY (eu-west-1) and a SECONDARY (us-east-1) alias for api.example.com', () => {
    const template = Template.fromJSON(createApp().synth().getStackByName('GlobalDns').template);
    template.resourceCountIs(HEALTH_CHECK, 2);
    template.resourceCountIs(ALARM, 2);
    template.resourceCountIs(RECORD, 2);
    for (const [name, role] of [['eu-west-1', 'PRIMARY'], ['us-east-1', 'SECONDARY']]) {
      template.hasResourceProperties(RECORD, {
        Name: 'api.example.com.', Type: 'A', SetIdentifier: name, Failover: role, HostedZoneId: 'Z0123456789EXAMPLE',
      });
      template.hasResourceProperties(HEALTH_CHECK, {
        HealthCheckConfig: { Type: 'HTTPS', Port: 443, ResourcePath: '/health', RequestInterval: 10, FailureThreshold: 3 },
        HealthCheckTags: [{ Key: 'lbkit:endpoint', Value: name }],
      });
    }
  });

  test('each regional stack holds one lbkit load balancer whose certificate also names the global name, routing the Route 53 check on /health to the targets', () => {
    const assembly = createApp().synth();
    for (const [stack, domain] of [['ApiEuWest1', 'api-eu.example.com'], ['ApiUsEast1', 'api-us.example.com']]) {
      const template = Template.fromJSON(assembly.getStackByName(stack).template);
      template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
      template.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: domain, SubjectAlternativeNames: ['api.example.com'] });
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*', '/health'] } }],
        Actions: [{ Type: 'forward' }],
      });
    }
  });

  test('synth is quiet: no warnings or errors on any stack', () => {
    const assembly = createApp().synth();
    expect(STACKS.flatMap((s) => assembly.getStackByName(s).messages.filter((m) => m.level !== 'info'))).toEqual([]);
  });

  test('the plan the global stack rendered is the example\'s: failover over both load balancers', () => {
    const app = createApp();
    const gf = app.node.findChild('GlobalDns').node.findChild('Global') as GlobalFailover;
    expect(gf._plan.model.routingPolicy).toBe('failover');
    expect(gf._plan.model.records.map((r) => [r.setIdentifier, r.failover])).toEqual([['eu-west-1', 'PRIMARY'], ['us-east-1', 'SECONDARY']]);
    expect(gf._plan.advice).toEqual([]);
  });

  test('reading GlobalDns back gives the planned model; the regional stacks read as their load balancers only', () => {
    const app = createApp();
    const assembly = app.synth();
    const gf = app.node.findChild('GlobalDns').node.findChild('Global') as GlobalFailover;
    const global = readSynthesized(assembly.getStackByName('GlobalDns').template, 'GlobalDns.template.json');
    expect(global.models).toEqual([]);
    expect(normalizeModel(global.dns)).toEqual([normalizeModel(gf._plan.model)]);
    for (const stack of ['ApiEuWest1', 'ApiUsEast1']) {
      const regional = readSynthesized(assembly.getStackByName(stack).template, `${stack}.template.json`);
      expect([regional.models.length, regional.dns]).toEqual([1, []]);
    }
  });
});
