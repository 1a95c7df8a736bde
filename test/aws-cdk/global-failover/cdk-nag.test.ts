import { AwsSolutionsChecks } from 'cdk-nag';
import { Construct } from 'constructs';
import { harness, props } from './fixtures';
import { createApp } from '../../../examples/global-failover-cdk/app';
import { GlobalFailover, WebApiLoadBalancer } from '../../../src/aws-cdk';
import { FailoverRole } from '../../../src/core';
import { minimalProps } from '../fixtures';

/** cdk-nag 3 through its direct entry point, as in test/aws-cdk/cdk-nag.test.ts (aws-cdk-lib gives policy plugins no construct tree). */
function nagViolations(scope: Parameters<AwsSolutionsChecks['validateScope']>[0]): { ruleName: string; paths: string[] }[] {
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(scope);
  return report.violations.map((v) => ({
    ruleName: v.ruleName,
    paths: v.violatingResources.map((r: any) => r.constructPath ?? r.resourceLogicalId),
  }));
}

const acknowledged = (c: Construct): unknown[] => c.node.findAll()
  .flatMap((n) => n.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => m.data));

describe('cdk-nag AwsSolutions on GlobalFailover', () => {
  test('the example has zero findings on each of its three stacks', () => {
    const app = createApp();
    app.synth();
    for (const stack of ['ApiEuWest1', 'ApiUsEast1', 'GlobalDns']) {
      expect([stack, nagViolations(app.node.findChild(stack))]).toEqual([stack, []]);
    }
  });

  test('GlobalFailover needs no acknowledgement: its health checks, alarms and records pass as they are', () => {
    const app = createApp();
    app.synth();
    expect(acknowledged(app.node.findChild('GlobalDns').node.findChild('Global'))).toEqual([]);
  });

  test('the regional stacks acknowledge only the load balancers\' known, reasoned rules (EC23 public ingress, S1 log bucket)', () => {
    const app = createApp();
    app.synth();
    for (const stack of ['ApiEuWest1', 'ApiUsEast1']) {
      const rules = JSON.stringify(acknowledged(app.node.findChild(stack)));
      expect(rules).toMatch(/AwsSolutions-EC23.*internet-facing/);
      expect(rules).toMatch(/AwsSolutions-S1.*access logs/);
      expect([...rules.matchAll(/AwsSolutions-[A-Z0-9]+/g)].map((m) => m[0]).sort()).toEqual(['AwsSolutions-EC23', 'AwsSolutions-S1']);
    }
  });

  test('over every endpoint kind and options (lbkit ALB, DNS name, addresses, no check, string match, regions), still zero findings', () => {
    const h = harness('us-east-1');
    const gf = new GlobalFailover(h.stack, 'Global', props(h, {
      endpoints: [
        {
          name: 'eu',
          role: FailoverRole.PRIMARY,
          loadBalancer: new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h)),
          healthCheck: { searchString: 'ok', measureLatency: true, regions: ['us-east-1', 'eu-west-1', 'us-west-2'] },
        },
        { name: 'dc', role: FailoverRole.SECONDARY, ipv4Addresses: ['192.0.2.10'], healthCheck: { enabled: false } },
      ],
      ipv6: true,
    }));
    h.app.synth();
    expect(nagViolations(gf)).toEqual([]);
  });
});
