import { AwsSolutionsChecks } from 'cdk-nag';
import { Construct } from 'constructs';
import { harness, minimalProps } from './fixtures';
import { createApp } from '../../../examples/game-server-nlb-cdk/app';
import { TcpServiceLoadBalancer, TcpServiceLoadBalancerProps } from '../../../src/aws-cdk';
import { ListenerProtocol } from '../../../src/core';

/** cdk-nag 3 through its direct entry point, as in test/aws-cdk/cdk-nag.test.ts (aws-cdk-lib gives policy plugins no construct tree). */
function nagViolations(scope: Parameters<AwsSolutionsChecks['validateScope']>[0]): { ruleName: string; paths: string[] }[] {
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(scope);
  return report.violations.map((v) => ({
    ruleName: v.ruleName,
    paths: v.violatingResources.map((r: any) => r.constructPath ?? r.resourceLogicalId),
  }));
}

const acknowledged = (c: Construct): string => JSON.stringify(c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => m.data));

function build(extra: (h: ReturnType<typeof harness>) => Partial<TcpServiceLoadBalancerProps>): Construct {
  const h = harness();
  const game = new TcpServiceLoadBalancer(h.stack, 'Game', minimalProps(h, extra(h)));
  h.app.synth();
  return game;
}

describe('cdk-nag AwsSolutions on TcpServiceLoadBalancer', () => {
  test('the example has zero findings', () => {
    const app = createApp();
    app.synth();
    expect(nagViolations(app)).toEqual([]);
  });

  test('the example\'s acknowledgements carry reasons in code: EC23 on the public security group, S1 on the log bucket', () => {
    const app = createApp();
    const game = app.node.findChild('GameServerStack').node.findChild('Game');
    expect(acknowledged(game.node.findChild('SecurityGroup'))).toMatch(/AwsSolutions-EC23.*internet-facing TCP\/UDP service/);
    expect(acknowledged(game.node.findChild('AccessLogs').node.defaultChild!)).toMatch(/AwsSolutions-S1.*access logs/);
    expect(acknowledged(game.node.findChild('LoadBalancer'))).toBe('[]');
  });

  test('without a TLS listener, ELB2 (no access logs) is acknowledged with its reason and nothing is found', () => {
    const game = build(() => ({}));
    expect(nagViolations(game)).toEqual([]);
    expect(acknowledged(game.node.findChild('LoadBalancer'))).toMatch(/AwsSolutions-ELB2.*TLS listeners only/);
  });

  test('an internal load balancer needs no EC23 acknowledgement and has zero findings', () => {
    const game = build(() => ({ internetFacing: false, allowedCidrs: ['10.0.0.0/8'] }));
    expect(nagViolations(game)).toEqual([]);
    expect(acknowledged(game.node.findChild('SecurityGroup'))).toBe('[]');
  });

  test('what the user turns off is reported, not hidden: logs off with a TLS listener gives ELB2', () => {
    const game = build((h) => ({
      certificates: [h.certificate],
      accessLogs: { enabled: false },
      listeners: [{ name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS }],
    }));
    expect(nagViolations(game).map((v) => v.ruleName)).toEqual(['AwsSolutions-ELB2']);
  });
});
