// GENERATED from src/cdktf/render/lambda-target.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { LambdaPermission } from '@cdktn/provider-aws/lib/lambda-permission';
import { LbTargetGroupAttachment } from '@cdktn/provider-aws/lib/lb-target-group-attachment';
import { Construct } from 'constructs';
import { LambdaFunctionReference } from '../lambda-function-reference';

/** The service that invokes a Lambda target. */
const ELB_PRINCIPAL = 'elasticloadbalancing.amazonaws.com';

/**
 * Registers a Lambda route's function in its target group: `aws_lambda_permission` lets Elastic
 * Load Balancing invoke it from this group only (source_arn), and the attachment waits for it
 * (AWS refuses to register a function the load balancer may not invoke).
 */
export function renderLambdaTarget(scope: Construct, groupName: string, groupArn: string, fn: LambdaFunctionReference): void {
  const permission = new LambdaPermission(scope, `TargetGroup-${groupName}-InvokePermission`, {
    action: 'lambda:InvokeFunction',
    functionName: fn.name,
    principal: ELB_PRINCIPAL,
    sourceArn: groupArn,
  });
  new LbTargetGroupAttachment(scope, `TargetGroup-${groupName}-Lambda`, {
    targetGroupArn: groupArn,
    targetId: fn.arn,
    dependsOn: [permission],
  });
}
