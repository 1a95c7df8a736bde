import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../examples/web-api-cdk/app';
import { WebApiLoadBalancer } from '../../src/aws-cdk';
import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { readSynthesized } from '../../src/readers/read-file';

function exampleTemplate(): Record<string, unknown> {
  const app = createApp();
  return app.synth().getStackByName('WebApiStack').template;
}

describe('the web-api example (examples/web-api-cdk)', () => {
  test('synthesizes byte-identical templates twice', () => {
    expect(JSON.stringify(exampleTemplate(), null, 1)).toBe(JSON.stringify(exampleTemplate(), null, 1));
  });

  test('matches the snapshot', () => {
    expect(exampleTemplate()).toMatchSnapshot();
  });

  test('renders the example: 6 target groups with their IP targets, 5 rules + LB health, 2 certificates, 2 alias records', () => {
    const template = Template.fromJSON(exampleTemplate());
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 6);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 6);
    template.resourceCountIs('AWS::CertificateManager::Certificate', 2);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerCertificate', 1);
    template.resourceCountIs('AWS::Route53::RecordSet', 2);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 8080, Targets: [{ Id: '10.0.1.10', Port: 8080 }, { Id: '10.0.2.10', Port: 8080 }],
    });
  });

  test('reading the template back gives the planned model', () => {
    const app = createApp();
    const api = app.node.findChild('WebApiStack').node.findChild('Api') as WebApiLoadBalancer;
    const { engine, models } = readSynthesized(app.synth().getStackByName('WebApiStack').template, 'WebApiStack.template.json');
    expect(engine).toBeDefined();
    expect(models).toHaveLength(1);
    expect(normalizeModel(models[0])).toEqual(normalizeModel(api._plan.model));
  });
});
