import { cfnTemplate, tfConfig } from './fixtures';
import { isApplicationModel } from '../../src/core/model/any-load-balancer-model';
import { LambdaTargetGroupModel } from '../../src/core/model/load-balancer-model';
import { readCloudFormation, readTerraform } from '../../src/readers';

/** Lambda target groups read back: absent settings are AWS's Lambda defaults (the provider's where they differ). */

function cfnWith(props: Record<string, unknown>): Record<string, any> {
  const t = cfnTemplate();
  t.Resources.FnGroup = { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { TargetType: 'lambda', Tags: [{ Key: 'lbkit:route', Value: 'fn' }], ...props } };
  t.Resources.HttpsListener.Properties.DefaultActions = [{ Type: 'forward', TargetGroupArn: { Ref: 'FnGroup' } }];
  return t;
}

function tfWith(args: Record<string, unknown>): Record<string, any> {
  const c = tfConfig();
  c.resource.aws_lb_target_group.fn = { target_type: 'lambda', tags: { 'lbkit:route': 'fn' }, ...args };
  c.resource.aws_lb_listener.https.default_action = [{ type: 'forward', target_group_arn: '${aws_lb_target_group.fn.arn}' }];
  return c;
}

const lambdaGroups = (models: ReturnType<typeof readCloudFormation>): LambdaTargetGroupModel[] | undefined => {
  const [m] = models;
  if (!isApplicationModel(m)) throw new Error('expected an application load balancer');
  return m.lambdaTargetGroups;
};

test('nothing set: single-value headers, health checks off (AWS\'s default), on both engines', () => {
  expect(lambdaGroups(readCloudFormation(cfnWith({})))).toEqual([{ name: 'fn', multiValueHeaders: false }]);
  expect(lambdaGroups(readTerraform(tfWith({})))).toEqual([{ name: 'fn', multiValueHeaders: false }]);
  expect(lambdaGroups(readCloudFormation(cfnWith({ HealthCheckEnabled: false })))).toEqual([{ name: 'fn', multiValueHeaders: false }]);
  expect(lambdaGroups(readTerraform(tfWith({ health_check: { enabled: false } })))).toEqual([{ name: 'fn', multiValueHeaders: false }]);
});

test('checks turned on with nothing else: AWS\'s Lambda timings on CloudFormation, the provider\'s interval and thresholds on Terraform', () => {
  expect(lambdaGroups(readCloudFormation(cfnWith({ HealthCheckEnabled: true })))![0].healthCheck)
    .toEqual({ path: '/', intervalSeconds: 35, timeoutSeconds: 30, healthyThreshold: 5, unhealthyThreshold: 2, matcher: '200' });
  // A health_check block is enabled unless it says otherwise.
  expect(lambdaGroups(readTerraform(tfWith({ health_check: {} })))![0].healthCheck)
    .toEqual({ path: '/', intervalSeconds: 30, timeoutSeconds: 30, healthyThreshold: 3, unhealthyThreshold: 3, matcher: '200' });
});

test('multi-value headers: the attribute on CloudFormation, the argument on Terraform', () => {
  const cfn = cfnWith({ TargetGroupAttributes: [{ Key: 'lambda.multi_value_headers.enabled', Value: 'true' }] });
  expect(lambdaGroups(readCloudFormation(cfn))![0].multiValueHeaders).toBe(true);
  expect(lambdaGroups(readTerraform(tfWith({ lambda_multi_value_headers_enabled: true })))![0].multiValueHeaders).toBe(true);
});

test('a load balancer without Lambda groups has no lambdaTargetGroups field', () => {
  expect('lambdaTargetGroups' in readCloudFormation(cfnTemplate())[0]).toBe(false);
  expect('lambdaTargetGroups' in readTerraform(tfConfig())[0]).toBe(false);
});
