import { CfnResource, Validations } from 'aws-cdk-lib';

/** A cdk-nag rule lbkit knowingly does not satisfy on one of its resources, with the reason. */
export interface NagAcknowledgement {
  readonly id: string;
  readonly reason: string;
}

/**
 * Records acknowledgements of rule-pack findings on a resource without depending on
 * cdk-nag at runtime: through CDK's own `Validations.of(...).acknowledge` (what cdk-nag 3
 * reads) and as `cdk_nag.rules_to_suppress` template metadata (what cdk-nag 2 and audits read).
 */
export function acknowledgeNagRules(resource: CfnResource, acknowledgements: NagAcknowledgement[]): void {
  if (acknowledgements.length === 0) return;
  Validations.of(resource).acknowledge(...acknowledgements);
  const existing = (resource.getMetadata('cdk_nag') as { rules_to_suppress?: NagAcknowledgement[] } | undefined)?.rules_to_suppress ?? [];
  resource.addMetadata('cdk_nag', {
    rules_to_suppress: [...existing, ...acknowledgements.map((a) => ({ id: a.id, reason: a.reason }))],
  });
}

/** Why an internet-facing load balancer accepts 443 (and 80 for the redirect) from anywhere. */
export const PUBLIC_LISTENER_INGRESS: NagAcknowledgement = {
  id: 'AwsSolutions-EC23',
  reason: 'lbkit: an internet-facing web API load balancer must accept HTTPS (and HTTP, only redirected to HTTPS) from any client; WAF rate-limits and filters in front of it.',
};

/** Why an internet-facing network load balancer accepts its listener ports from anywhere. */
export const PUBLIC_SERVICE_INGRESS: NagAcknowledgement = {
  id: 'AwsSolutions-EC23',
  reason: 'lbkit: an internet-facing TCP/UDP service load balancer must accept its listener ports (and nothing else) from any client; narrow allowedCidrs when the clients are known.',
};

/** Why a network load balancer without a TLS listener has no access logs. */
export const NLB_ACCESS_LOGS_TLS_ONLY: NagAcknowledgement = {
  id: 'AwsSolutions-ELB2',
  reason: 'lbkit: network load balancer access logs record TLS listeners only and this one terminates no TLS, so there is nothing to log; flow logs cover TCP and UDP traffic.',
};

/** Why the access-log bucket has no server access logging of its own. */
export const LOG_BUCKET_SERVER_ACCESS_LOGS: NagAcknowledgement = {
  id: 'AwsSolutions-S1',
  reason: 'lbkit: this bucket only receives the load balancer access logs; logging access to it into yet another bucket would recurse without adding evidence.',
};
