// HAND-WRITTEN per engine (scripts/generate-cdktn.ts skips this file): what the pinned Terraform AWS provider
// can write. src/cdktn/provider-support.ts is its counterpart for hashicorp/aws 6.x.
import { LbConfig } from '@cdktf/provider-aws/lib/lb';
import { LbListenerRuleAction, LbListenerRuleConfig } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroupAttachmentConfig } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { TargetOptions } from './target-options';
import { LbkitValidationError } from '../core/errors';
import { LoadBalancerModel, RuleModel } from '../core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../core/model/network-load-balancer-model';
import { isQuicProtocol } from '../core/model/quic';

/** The Terraform AWS provider lbkit's cdktf engine is built against (@cdktf/provider-aws 20.1.0 binds it). */
export const PINNED_AWS_PROVIDER = 'hashicorp/aws 5.100.0 (@cdktf/provider-aws 20.1.0)';

/** The route option that asks for each rule transform type. */
const REWRITE_OPTION = { 'host-header-rewrite': 'host', 'url-rewrite': 'url' } as const;

/**
 * Refuses what the model asks for that the pinned provider cannot write, rather than dropping it
 * silently: ALB health-check logs (`health_check_logs.s3.*`) have no `aws_lb` argument in 5.100,
 * rule transforms (route `rewrite`) no `aws_lb_listener_rule` `transform` block, and JWT validation
 * (route `validateJwt`) no `jwt-validation` action.
 */
export function refuseUnsupportedByProvider(path: string, model: LoadBalancerModel): void {
  if (model.healthCheckLogs.enabled) {
    throw new LbkitValidationError(path, 'healthCheckLogs.enabled',
      `is true but the Terraform AWS provider lbkit pins, ${PINNED_AWS_PROVIDER}, has no aws_lb argument for health-check logs; `
      + 'turn them on with the CloudFormation engine or lbkit/cdktn (hashicorp/aws 6.x), or leave them off', true);
  }
  for (const rule of model.listeners.flatMap((l) => l.rules)) {
    const [transform] = rule.transforms ?? [];
    if (transform) {
      throw new LbkitValidationError(path, `routes["${rule.route}"].rewrite.${REWRITE_OPTION[transform.type]}`,
        `is set but the Terraform AWS provider lbkit pins, ${PINNED_AWS_PROVIDER}, has no aws_lb_listener_rule transform block; `
        + 'rule transforms need hashicorp/aws 6.x — use lbkit/cdktn or the CloudFormation engine', { regex: transform.regex, replace: transform.replace });
    }
    if (rule.validateJwt) {
      throw new LbkitValidationError(path, `routes["${rule.route}"].validateJwt`,
        `is set but the Terraform AWS provider lbkit pins, ${PINNED_AWS_PROVIDER}, has no jwt-validation action (jwt_validation block); `
        + 'JWT validation needs hashicorp/aws 6.x — use lbkit/cdktn or the CloudFormation engine', { issuer: rule.validateJwt.issuer });
    }
  }
}

/**
 * Refuses a network load balancer's QUIC and TCP_QUIC listeners: 5.100's `aws_lb_listener` and
 * `aws_lb_target_group` do not accept the protocols, and its `aws_lb_target_group_attachment` has no
 * `quic_server_id`.
 */
export function refuseUnsupportedNetworkByProvider(path: string, model: NetworkLoadBalancerModel): void {
  const quic = model.listeners.find((l) => isQuicProtocol(l.protocol));
  if (quic) {
    throw new LbkitValidationError(path, `listeners["${quic.name}"].protocol`,
      `is ${quic.protocol} but the Terraform AWS provider lbkit pins, ${PINNED_AWS_PROVIDER}, accepts no QUIC or TCP_QUIC listener or target group and has no quic_server_id; `
      + 'QUIC listeners need hashicorp/aws 6.x — use lbkit/cdktn or the CloudFormation engine', quic.protocol);
  }
}

/** `aws_lb_target_group_attachment` arguments only a newer provider has: none here (QUIC, whose server IDs they are, is refused above). */
export function providerOnlyTargetAttachmentArguments(_target: TargetOptions): Partial<LbTargetGroupAttachmentConfig> {
  return {};
}

/** `aws_lb` arguments only a newer provider has: none here (refused above). */
export function providerOnlyLoadBalancerArguments(
  _model: LoadBalancerModel | NetworkLoadBalancerModel, _logBucketName: string | undefined,
): Partial<LbConfig> {
  return {};
}

/** `aws_lb_listener_rule` arguments only a newer provider has: none here (rule transforms are refused above). */
export function providerOnlyListenerRuleArguments(_rule: RuleModel): Partial<LbListenerRuleConfig> {
  return {};
}

/** The rule's first action that only a newer provider writes: none here (JWT validation is refused above). */
export function providerOnlyPreRoutingAction(_rule: RuleModel): LbListenerRuleAction | undefined {
  return undefined;
}
