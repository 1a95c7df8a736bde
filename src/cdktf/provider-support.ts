// HAND-WRITTEN per engine (scripts/generate-cdktn.ts skips this file): what the pinned Terraform AWS provider
// can write. src/cdktn/provider-support.ts is its counterpart for hashicorp/aws 6.x.
import { LbConfig } from '@cdktf/provider-aws/lib/lb';
import { LbkitValidationError } from '../core/errors';
import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../core/model/network-load-balancer-model';

/** The Terraform AWS provider lbkit's cdktf engine is built against (@cdktf/provider-aws 20.1.0 binds it). */
export const PINNED_AWS_PROVIDER = 'hashicorp/aws 5.100.0 (@cdktf/provider-aws 20.1.0)';

/**
 * Refuses what the model asks for that the pinned provider cannot write, rather than dropping it
 * silently: ALB health-check logs (`health_check_logs.s3.*`) have no `aws_lb` argument in 5.100.
 */
export function refuseUnsupportedByProvider(path: string, model: LoadBalancerModel): void {
  if (model.healthCheckLogs.enabled) {
    throw new LbkitValidationError(path, 'healthCheckLogs.enabled',
      `is true but the Terraform AWS provider lbkit pins, ${PINNED_AWS_PROVIDER}, has no aws_lb argument for health-check logs; `
      + 'turn them on with the CloudFormation engine or lbkit/cdktn (hashicorp/aws 6.x), or leave them off', true);
  }
}

/** `aws_lb` arguments only a newer provider has: none here (refused above). */
export function providerOnlyLoadBalancerArguments(
  _model: LoadBalancerModel | NetworkLoadBalancerModel, _logBucketName: string | undefined,
): Partial<LbConfig> {
  return {};
}
