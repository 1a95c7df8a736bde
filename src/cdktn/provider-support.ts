// HAND-WRITTEN per engine (scripts/generate-cdktn.ts skips this file): what the pinned Terraform AWS provider
// can write. src/cdktf/provider-support.ts is its counterpart for hashicorp/aws 5.100.0.
import { LbConfig } from '@cdktn/provider-aws/lib/lb';
import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../core/model/network-load-balancer-model';

/** The Terraform AWS provider lbkit's cdktn engine is built against (@cdktn/provider-aws 25.7.0 binds it). */
export const PINNED_AWS_PROVIDER = 'hashicorp/aws 6.66.0 (@cdktn/provider-aws 25.7.0)';

/** Nothing to refuse: hashicorp/aws 6.66 writes everything the model has. */
export function refuseUnsupportedByProvider(_path: string, _model: LoadBalancerModel): void {}

/** ALB health-check logs (`health_check_logs`, hashicorp/aws 6.x only), into the access-log bucket like the connection logs. */
export function providerOnlyLoadBalancerArguments(
  model: LoadBalancerModel | NetworkLoadBalancerModel, logBucketName: string | undefined,
): Partial<LbConfig> {
  if (model.kind !== 'application' || !model.healthCheckLogs.enabled || logBucketName === undefined) return {};
  const { prefix } = model.healthCheckLogs;
  return { healthCheckLogs: { bucket: logBucketName, ...(prefix !== undefined ? { prefix } : {}), enabled: true } };
}
