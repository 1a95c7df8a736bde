import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { LbkitValidationError } from '../core/errors';
import { isReference } from '../core/model/load-balancer-model';

/** Shape of an AWS region name: eu-west-1, us-gov-west-1, ap-southeast-3, cn-north-1. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** A token or a raw `${...}` Terraform expression: not a literal region. */
function isExpression(value: string): boolean {
  return Token.isUnresolved(value) || isReference(value) || value.includes('${');
}

/**
 * The region a construct is deployed to, as a literal: the `region` prop when given, else
 * the `region` of the stack's default (un-aliased) AWS provider. lbkit needs it at synth
 * time to pick the access-log delivery principal, and reads no data source for it so
 * plans run without credentials. Throws when neither gives a literal region.
 */
export function resolveRegion(scope: IConstruct, explicit: string | undefined, option: string): string {
  if (explicit !== undefined) {
    if (isExpression(explicit)) {
      throw new LbkitValidationError(scope.node.path, option, 'must be a literal region such as "eu-west-1", not a Terraform reference', explicit);
    }
    return checkShape(scope, option, explicit);
  }
  const providers = TerraformStack.of(scope).node.findAll()
    .filter((c): c is AwsProvider => c instanceof TerraformProvider && c.terraformResourceType === 'aws')
    .filter((p) => p.alias === undefined);
  const region = providers.length === 1 ? providers[0].region : undefined;
  if (region === undefined || isExpression(region)) {
    throw new LbkitValidationError(scope.node.path, option,
      'is needed to grant the region\'s ELB log-delivery principal on the access-log bucket; set it, or create the stack\'s '
      + 'AwsProvider with a literal region before this construct (or give accessLogBucketName, or turn access logs off)',
      providers.length === 0 ? 'no default AwsProvider in the stack' : region);
  }
  return checkShape(scope, option, region);
}

/** A misspelt region would silently get the wrong log-delivery principal. */
function checkShape(scope: IConstruct, option: string, region: string): string {
  if (!REGION.test(region)) {
    throw new LbkitValidationError(scope.node.path, option, 'must be an AWS region name such as "eu-west-1"', region);
  }
  return region;
}
