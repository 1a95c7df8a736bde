// HAND-WRITTEN per engine (scripts/generate-cdktn.ts skips this file): what the pinned Terraform AWS provider
// can write. src/cdktf/provider-support.ts is its counterpart for hashicorp/aws 5.100.0.
import { LbConfig } from '@cdktn/provider-aws/lib/lb';
import { LbListenerRuleAction, LbListenerRuleConfig, LbListenerRuleTransform } from '@cdktn/provider-aws/lib/lb-listener-rule';
import { LbTargetGroupAttachmentConfig } from '@cdktn/provider-aws/lib/lb-target-group-attachment';
import { TargetOptions } from './target-options';
import { LoadBalancerModel, RuleModel } from '../core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../core/model/network-load-balancer-model';

/** The Terraform AWS provider lbkit's cdktn engine is built against (@cdktn/provider-aws 25.7.0 binds it). */
export const PINNED_AWS_PROVIDER = 'hashicorp/aws 6.66.0 (@cdktn/provider-aws 25.7.0)';

/** Nothing to refuse: hashicorp/aws 6.66 writes everything the model has. */
export function refuseUnsupportedByProvider(_path: string, _model: LoadBalancerModel): void {}

/** Nothing to refuse: hashicorp/aws 6.66 takes QUIC and TCP_QUIC listeners and target groups. */
export function refuseUnsupportedNetworkByProvider(_path: string, _model: NetworkLoadBalancerModel): void {}

/** A target's QUIC server ID (`quic_server_id`, hashicorp/aws 6.x only; the construct checked it against its group's protocol). */
export function providerOnlyTargetAttachmentArguments(target: TargetOptions): Partial<LbTargetGroupAttachmentConfig> {
  return target.quicServerId !== undefined ? { quicServerId: target.quicServerId } : {};
}

/** ALB health-check logs (`health_check_logs`, hashicorp/aws 6.x only), into the access-log bucket like the connection logs. */
export function providerOnlyLoadBalancerArguments(
  model: LoadBalancerModel | NetworkLoadBalancerModel, logBucketName: string | undefined,
): Partial<LbConfig> {
  if (model.kind !== 'application' || !model.healthCheckLogs.enabled || logBucketName === undefined) return {};
  const { prefix } = model.healthCheckLogs;
  return { healthCheckLogs: { bucket: logBucketName, ...(prefix !== undefined ? { prefix } : {}), enabled: true } };
}

/**
 * Rule transforms (`transform` blocks, hashicorp/aws 6.x only), host rewrite first. Terraform's `rewrite`
 * is one block where CloudFormation takes a list: the model holds one rewrite per transform.
 */
export function providerOnlyListenerRuleArguments(rule: RuleModel): Partial<LbListenerRuleConfig> {
  if (!rule.transforms) return {};
  const transform: LbListenerRuleTransform[] = rule.transforms.map((t) => {
    const config = { rewrite: { regex: t.regex, replace: t.replace } };
    return t.type === 'host-header-rewrite' ? { type: t.type, hostHeaderRewriteConfig: config } : { type: t.type, urlRewriteConfig: config };
  });
  return { transform };
}

/**
 * A rule's JWT validation as a `jwt-validation` action (`jwt_validation` block, hashicorp/aws 6.x only);
 * undefined when the rule has none. The renderer gives it order 1, before the rule's action.
 */
export function providerOnlyPreRoutingAction(rule: RuleModel): LbListenerRuleAction | undefined {
  const jwt = rule.validateJwt;
  if (!jwt) return undefined;
  return {
    type: 'jwt-validation',
    jwtValidation: {
      issuer: jwt.issuer,
      jwksEndpoint: jwt.jwksEndpoint,
      ...(jwt.additionalClaims ? { additionalClaim: jwt.additionalClaims.map((c) => ({ format: c.format, name: c.name, values: c.values })) } : {}),
    },
  };
}
