// GENERATED from src/cdktf/region.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import { TerraformProvider, TerraformStack, Token } from 'cdktn';
import { IConstruct } from 'constructs';
import { LbkitValidationError } from '../core/errors';
import { isReference } from '../core/model/load-balancer-model';

/** Shape of an AWS region name: eu-west-1, us-gov-west-1, ap-southeast-3, cn-north-1. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** A token or a raw `${...}` Terraform expression: not a literal region. */
function isExpression(value: string): boolean {
  return Token.isUnresolved(value) || isReference(value) || value.includes('${');
}

function isAwsProvider(provider: TerraformProvider): provider is AwsProvider {
  return provider.terraformResourceType === 'aws';
}

/** Where a construct's resources are created: the provider it was given, or the stack's default AWS provider. */
interface RegionSource {
  /** The region, when it is known at all (it may still be an expression). */
  readonly region?: string;
  /** What to report when it is not a literal. */
  readonly received: unknown;
}

function regionSource(scope: IConstruct, provider: TerraformProvider | undefined): RegionSource {
  if (provider !== undefined) {
    const region = isAwsProvider(provider) ? provider.region : undefined;
    return { region, received: region ?? `provider ${provider.node.path} has no region` };
  }
  const providers = TerraformStack.of(scope).node.findAll()
    .filter((c): c is TerraformProvider => c instanceof TerraformProvider && isAwsProvider(c))
    .filter((p) => p.alias === undefined) as AwsProvider[];
  const region = providers.length === 1 ? providers[0].region : undefined;
  if (providers.length === 0) return { region, received: 'no default AwsProvider in the stack' };
  if (providers.length > 1) return { region, received: `${providers.length} default AwsProviders in the stack` };
  return { region, received: region ?? `provider ${providers[0].node.path} has no region` };
}

/**
 * The region of the construct's provider as a literal, or undefined when it is not known at synth
 * time: the given provider's `region`, else the stack's default (un-aliased) AWS provider's.
 * For advice that only applies when the region is known.
 */
export function literalRegion(scope: IConstruct, provider?: TerraformProvider): string | undefined {
  const { region } = regionSource(scope, provider);
  return region !== undefined && !isExpression(region) && REGION.test(region) ? region : undefined;
}

/**
 * The region a construct is deployed to, as a literal: the `region` prop when given, else the
 * `region` of the provider the construct was given (`provider` prop), else that of the stack's
 * default (un-aliased) AWS provider. lbkit needs it at synth time to pick the access-log
 * delivery principal, and reads no data source for it so plans run without credentials.
 * Throws when none gives a literal region.
 */
export function resolveRegion(scope: IConstruct, explicit: string | undefined, option: string, provider?: TerraformProvider): string {
  if (explicit !== undefined) {
    if (isExpression(explicit)) {
      throw new LbkitValidationError(scope.node.path, option, 'must be a literal region such as "eu-west-1", not a Terraform reference', explicit);
    }
    return checkShape(scope, option, explicit);
  }
  const { region, received } = regionSource(scope, provider);
  if (region === undefined || isExpression(region)) {
    const where = provider !== undefined
      ? 'give the construct\'s provider a literal region'
      : 'create the stack\'s AwsProvider with a literal region before this construct';
    throw new LbkitValidationError(scope.node.path, option,
      `is needed to grant the region's ELB log-delivery principal on the access-log bucket; set it, or ${where} `
      + '(or give accessLogBucketName, or turn access logs off)',
      received);
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

/**
 * The region a dashboard's metric widgets name (CloudWatch requires one per widget): the `region`
 * prop, else the region of the construct's provider or of the stack's default AWS provider. A
 * provider region that is a Terraform expression (`var.region`) is fine here: Terraform fills it in
 * the dashboard body. Throws when no region is given anywhere.
 */
export function dashboardRegion(scope: IConstruct, explicit: string | undefined, option: string, provider?: TerraformProvider): string {
  if (explicit !== undefined) return isExpression(explicit) ? explicit : checkShape(scope, option, explicit);
  const { region, received } = regionSource(scope, provider);
  if (region === undefined) {
    const where = provider !== undefined ? 'give the construct\'s provider a region' : 'create the stack\'s AwsProvider with a region before this construct';
    throw new LbkitValidationError(scope.node.path, option,
      `is needed for the dashboard (each CloudWatch metric widget names its region); set it, or ${where} (or turn the dashboard off: dashboard false)`,
      received);
  }
  return isExpression(region) ? region : checkShape(scope, option, region);
}
