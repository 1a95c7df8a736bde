import { Duration, Tags } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ROUTE_TAG, TARGET_GROUP_ATTRIBUTE as KEY } from '../core/contract';
import { LambdaHealthCheckModel, LambdaTargetGroupModel } from '../core/model/load-balancer-model';

/** A Lambda group's health check when the model has one: no port or protocol (the check is an invocation). */
function lambdaHealthCheck(hc: LambdaHealthCheckModel): elbv2.HealthCheck {
  return {
    enabled: true,
    path: hc.path,
    interval: Duration.seconds(hc.intervalSeconds),
    timeout: Duration.seconds(hc.timeoutSeconds),
    healthyThresholdCount: hc.healthyThreshold,
    unhealthyThresholdCount: hc.unhealthyThreshold,
    healthyHttpCodes: hc.matcher,
  };
}

/**
 * The target group of a Lambda route, with its function registered through CDK's LambdaTarget,
 * which adds the `lambda:InvokeFunction` permission for elasticloadbalancing.amazonaws.com and makes
 * the group wait for it (AWS refuses to register a function the load balancer may not invoke).
 * CloudFormation registers the function in the group's own `Targets`, so the permission cannot name
 * the group's ARN (that would be a dependency cycle); the Terraform engine, which attaches separately,
 * scopes it to the group. Only what differs from AWS's defaults is written: no health check when off,
 * the multi-value attribute only when on.
 */
export function renderLambdaTargetGroup(
  scope: Construct, id: string, tg: LambdaTargetGroupModel, fn: lambda.IFunction,
): elbv2.ApplicationTargetGroup {
  const group = new elbv2.ApplicationTargetGroup(scope, id, {
    targetType: elbv2.TargetType.LAMBDA,
    ...(tg.healthCheck ? { healthCheck: lambdaHealthCheck(tg.healthCheck) } : {}),
  });
  if (tg.multiValueHeaders) group.setAttribute(KEY.lambdaMultiValueHeaders, 'true');
  group.addTarget(new targets.LambdaTarget(fn));
  Tags.of(group).add(ROUTE_TAG, tg.name);
  return group;
}
