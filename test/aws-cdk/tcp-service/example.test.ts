import { Template } from 'aws-cdk-lib/assertions';
import { listenerOf } from './fixtures';
import { createApp } from '../../../examples/game-server-nlb-cdk/app';
import { TcpServiceLoadBalancer } from '../../../src/aws-cdk';
import { normalizeModel } from '../../../src/core/model/load-balancer-model';
import { readSynthesized } from '../../../src/readers/read-file';

function exampleTemplate(): Record<string, unknown> {
  return createApp().synth().getStackByName('GameServerStack').template;
}

describe('the game-server example (examples/game-server-nlb-cdk)', () => {
  test('synthesizes byte-identical templates twice', () => {
    expect(JSON.stringify(exampleTemplate(), null, 1)).toBe(JSON.stringify(exampleTemplate(), null, 1));
  });

  test('matches the snapshot', () => {
    expect(exampleTemplate()).toMatchSnapshot();
  });

  test('renders the example: 4 listeners and target groups with their IP targets, 2 Elastic IPs, 1 certificate, 2 alias records, logs for MQTT over TLS', () => {
    const template = Template.fromJSON(exampleTemplate());
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 4);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 4);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerCertificate', 0);
    template.resourceCountIs('AWS::EC2::EIP', 2);
    template.resourceCountIs('AWS::CertificateManager::Certificate', 1);
    template.resourceCountIs('AWS::Route53::RecordSet', 2);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 7778, Protocol: 'UDP', HealthCheckPort: '7777', Targets: [{ Id: '10.0.1.30', Port: 7778 }, { Id: '10.0.2.30', Port: 7778 }],
    });
    expect(['game', 'voice', 'mqtt', 'mqtt-mtls'].map((name) => {
      const l = listenerOf(template, name);
      return [l.Port, l.Protocol];
    })).toEqual([[7777, 'TCP'], [7778, 'UDP'], [8883, 'TLS'], [8884, 'TCP']]);
  });

  test('the example acknowledges its deliberate source-IP affinity, so synth is quiet', () => {
    const stack = createApp().synth().getStackByName('GameServerStack');
    expect(stack.messages.filter((m) => m.level !== 'info')).toEqual([]);
  });

  test('reading the template back gives the planned model', () => {
    const app = createApp();
    const game = app.node.findChild('GameServerStack').node.findChild('Game') as TcpServiceLoadBalancer;
    const { models } = readSynthesized(app.synth().getStackByName('GameServerStack').template, 'GameServerStack.template.json');
    expect(models).toHaveLength(1);
    expect(normalizeModel(models[0])).toEqual(normalizeModel(game._plan.model));
  });
});
