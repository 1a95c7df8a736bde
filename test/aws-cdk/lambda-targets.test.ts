import { Template } from 'aws-cdk-lib/assertions';
import { IpTarget } from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { all, attributes, errorOf, harness, Harness, minimalProps } from './fixtures';
import { WebApiLoadBalancer } from '../../src/aws-cdk';
import { RouteAction, TargetType } from '../../src/core';

function fnIn(h: Harness, id = 'Fn'): lambda.IFunction {
  return new lambda.Function(h.stack, id, {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  });
}

function lambdaGroups(template: Template): [string, Record<string, any>][] {
  return Object.entries(template.findResources('AWS::ElasticLoadBalancingV2::TargetGroup'))
    .filter(([, r]) => r.Properties.TargetType === 'lambda');
}

describe('a Lambda route on CloudFormation', () => {
  test('a lambda target group with the function registered after its invoke permission for Elastic Load Balancing', () => {
    const h = harness();
    const fn = fnIn(h);
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, { routes: [{ name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: fn }] }));
    const template = Template.fromStack(h.stack);
    const [[, group]] = lambdaGroups(template);
    // AWS's defaults are not written: no port, protocol, health check or attributes.
    expect(group.Properties).toEqual({
      TargetType: 'lambda',
      Targets: [{ Id: { 'Fn::GetAtt': [expect.stringMatching(/^Fn/), 'Arn'] } }],
      Tags: [{ Key: 'lbkit:route', Value: 'fn' }],
    });
    const [[permissionId, permission]] = Object.entries(template.findResources('AWS::Lambda::Permission'));
    expect(permission.Properties).toMatchObject({ Action: 'lambda:InvokeFunction', Principal: 'elasticloadbalancing.amazonaws.com' });
    expect(group.DependsOn).toContain(permissionId);
    expect(lb.targetGroupRoutes).toEqual(['fn']);
    expect(lb.targetGroup('fn').targetGroupArn).toBeDefined();
    // No egress: the load balancer does not connect to a function.
    expect(all(template, 'AWS::EC2::SecurityGroup')[0].Properties.SecurityGroupEgress).toEqual([]);
  });

  test('multi-value headers and a health check are written when asked', () => {
    const h = harness();
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
      routes: [{ name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: fnIn(h), lambdaMultiValueHeaders: true, healthCheck: { path: '/ping' } }],
    }));
    const [[, group]] = lambdaGroups(Template.fromStack(h.stack));
    expect(attributes(group.Properties.TargetGroupAttributes)).toEqual({ 'lambda.multi_value_headers.enabled': 'true' });
    expect(group.Properties).toMatchObject({
      HealthCheckEnabled: true,
      HealthCheckPath: '/ping',
      HealthCheckIntervalSeconds: 35,
      HealthCheckTimeoutSeconds: 30,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200' },
    });
    expect(group.Properties.HealthCheckPort).toBeUndefined();
    expect(group.Properties.HealthCheckProtocol).toBeUndefined();
  });

  test('a LAMBDA route without a function, with IP targets, or a function elsewhere is refused with one clear error', () => {
    const h = harness();
    expect(errorOf({ routes: [{ name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA }] }))
      .toMatch(/^Stack\/Api: routes\["fn"\]\.lambdaFunction is required on a LAMBDA route that owns a target group/);
    expect(errorOf({ routes: [{ name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: fnIn(h), targets: [new IpTarget('10.0.1.10')] }] }, h))
      .toMatch(/^Stack\/Api: routes\["fn"\]\.targets must be empty on a LAMBDA route.*\(received: 1\)/);
    const h2 = harness();
    expect(errorOf({ routes: [{ name: 'api', paths: ['/api/*'], lambdaFunction: fnIn(h2) }] }, h2))
      .toMatch(/^Stack\/Api: routes\["api"\]\.lambdaFunction is set but the route's targetType is not LAMBDA/);
    const h3 = harness();
    expect(errorOf({
      routes: [
        { name: 'api', paths: ['/api/*'] },
        { name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: fnIn(h3), action: RouteAction.fixedResponse(204) },
      ],
    }, h3)).toMatch(/^Stack\/Api: routes\["fn"\]\.lambdaFunction is given but nothing forwards to this route/);
  });
});
