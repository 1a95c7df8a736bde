// GENERATED from src/cdktf/lambda-function-reference.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
/**
 * The Lambda function behind a `targetType: LAMBDA` route on the Terraform engine: what
 * `aws_lambda_permission` and `aws_lb_target_group_attachment` need (e.g. an `aws_lambda_function`'s
 * `arn` and `functionName`, or an alias's ARN to pin a version).
 */
export interface LambdaFunctionReference {
  /** ARN of the function (or of its alias or version), registered as the group's target. */
  readonly arn: string;
  /** Name (or ARN) of the function the invoke permission is added to. */
  readonly name: string;
}
