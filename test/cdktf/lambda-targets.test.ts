import { errorOf, synth } from './fixtures';
import { RouteAction, TargetType } from '../../src/core';

const FN = { arn: 'arn:aws:lambda:eu-west-1:111111111111:function:hello:live', name: 'hello' };

describe('a Lambda route on Terraform', () => {
  test('a lambda target group, the invoke permission scoped to it, and the attachment waiting for the permission', () => {
    const { tf, lb } = synth({ routes: [{ name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: FN }] });
    const groups = Object.entries<any>(tf.resource.aws_lb_target_group);
    expect(groups).toHaveLength(1);
    const [groupId, group] = groups[0];
    // AWS's defaults are not written: no port, protocol, VPC, health_check block or multi-value flag.
    expect(group).toEqual({ target_type: 'lambda', tags: { 'lbkit:route': 'fn' }, lifecycle: { create_before_destroy: true } });
    const [[permissionId, permission]] = Object.entries<any>(tf.resource.aws_lambda_permission);
    expect(permission).toEqual({
      action: 'lambda:InvokeFunction',
      function_name: 'hello',
      principal: 'elasticloadbalancing.amazonaws.com',
      source_arn: `\${aws_lb_target_group.${groupId}.arn}`,
    });
    expect(Object.values<any>(tf.resource.aws_lb_target_group_attachment)).toEqual([{
      target_group_arn: `\${aws_lb_target_group.${groupId}.arn}`,
      target_id: FN.arn,
      depends_on: [`aws_lambda_permission.${permissionId}`],
    }]);
    expect(tf.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
    expect(lb.targetGroupArn('fn')).toMatch(/TfToken|\$\{/);
  });

  test('multi-value headers and a health check are written when asked (no port or protocol in the block)', () => {
    const { tf } = synth({
      routes: [{ name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: FN, lambdaMultiValueHeaders: true, healthCheck: { intervalSeconds: 60 } }],
    });
    const [group] = Object.values<any>(tf.resource.aws_lb_target_group);
    expect(group.lambda_multi_value_headers_enabled).toBe(true);
    expect(group.health_check).toEqual({ enabled: true, path: '/health', interval: 60, timeout: 30, healthy_threshold: 5, unhealthy_threshold: 2, matcher: '200' });
  });

  test('a LAMBDA route without a function, with targets, or a function elsewhere is refused with one clear error', () => {
    expect(errorOf({ routes: [{ name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA }] }))
      .toMatch(/^Stack\/Api: routes\["fn"\]\.lambdaFunction is required on a LAMBDA route that owns a target group/);
    expect(errorOf({ routes: [{ name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: FN, targets: [{ id: '10.0.1.10' }] }] }))
      .toMatch(/^Stack\/Api: routes\["fn"\]\.targets must be empty on a LAMBDA route.*\(received: 1\)/);
    expect(errorOf({ routes: [{ name: 'api', paths: ['/api/*'], lambdaFunction: FN }] }))
      .toMatch(/^Stack\/Api: routes\["api"\]\.lambdaFunction is set but the route's targetType is not LAMBDA/);
    expect(errorOf({
      routes: [{ name: 'api', paths: ['/api/*'] }, { name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: FN, action: RouteAction.fixedResponse(204) }],
    })).toMatch(/^Stack\/Api: routes\["fn"\]\.lambdaFunction is given but nothing forwards to this route/);
  });
});
