// GENERATED from src/cdktf/engine-facts.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { Token } from 'cdktn';
import { Construct } from 'constructs';
import { TerraformLoadBalancerProps } from './terraform-load-balancer-props';
import { LbkitValidationError } from '../core/errors';
import { WebApiEngineFacts } from '../core/plan/engine-facts';

/**
 * What the Terraform props tell the planner beyond the engine-neutral options (the same
 * facts for both constructs). Refuses a certificate list that is a reference (its first
 * element is the default certificate) and zones that do not match the subnets one to one.
 */
export function terraformFacts(scope: Construct, props: TerraformLoadBalancerProps): WebApiEngineFacts {
  const path = scope.node.path;
  if (Token.isUnresolved(props.certificateArns)) {
    throw new LbkitValidationError(path, 'certificateArns',
      'must be a literal list (its elements may be references): the first becomes the default certificate', props.certificateArns);
  }
  const subnetsKnown = !Token.isUnresolved(props.subnetIds);
  const zones = props.availabilityZones;
  if (zones !== undefined && subnetsKnown && zones.length !== props.subnetIds.length) {
    throw new LbkitValidationError(path, 'availabilityZones',
      `must give one zone per subnet in subnetIds (${props.subnetIds.length} subnets)`, zones);
  }
  return {
    path,
    name: scope.node.id,
    importedCertificateArns: [...(props.certificateArns ?? [])],
    hasHostedZone: props.hostedZoneId !== undefined,
    ...(zones !== undefined ? { availabilityZones: [...zones] } : {}),
    ...(subnetsKnown ? { subnetCount: props.subnetIds.length } : {}),
    targetCidr: props.vpcCidrBlock,
    ...(props.accessLogBucketName !== undefined ? { existingLogBucketName: props.accessLogBucketName } : {}),
    optionNames: { subnets: 'subnetIds', hostedZone: 'hostedZoneId', certificates: 'certificateArns' },
  };
}
