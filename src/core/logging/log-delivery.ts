/**
 * Who writes ALB access logs into the bucket. Regions that existed before ELB switched to a
 * service principal deliver from a per-region ELB account; regions opened since then
 * (ap-southeast-3, Jakarta, and later) deliver as the `logdelivery.elasticloadbalancing`
 * service principal. Granting the wrong one makes delivery fail at deploy or silently,
 * so both renderers take the decision from here.
 */
export const ELB_LOG_DELIVERY_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021',
  'us-east-2': '033677994240',
  'us-west-1': '027434742980',
  'us-west-2': '797873946194',
  'af-south-1': '098369216593',
  'ap-east-1': '754344448648',
  'ap-south-1': '718504428378',
  'ap-northeast-1': '582318560864',
  'ap-northeast-2': '600734575887',
  'ap-northeast-3': '383597477331',
  'ap-southeast-1': '114774131450',
  'ap-southeast-2': '783225319266',
  'ca-central-1': '985666609251',
  'eu-central-1': '054676820928',
  'eu-west-1': '156460612806',
  'eu-west-2': '652711504416',
  'eu-west-3': '009996457667',
  'eu-south-1': '635631232127',
  'eu-north-1': '897822967062',
  'me-south-1': '076674570225',
  'sa-east-1': '507241528517',
  'us-gov-west-1': '048591011584',
  'us-gov-east-1': '190560391635',
  'cn-north-1': '638102146993',
  'cn-northwest-1': '037604701340',
};

export const ELB_LOG_DELIVERY_SERVICE = 'logdelivery.elasticloadbalancing.amazonaws.com';

/**
 * NLB access logs (TLS listeners) are delivered by the log-delivery service in every region,
 * not by the ELB accounts: it needs s3:GetBucketAcl on the bucket and writes objects with the
 * `bucket-owner-full-control` ACL (AWS: "Enable access logs for your Network Load Balancer").
 */
export const NLB_LOG_DELIVERY_SERVICE = 'delivery.logs.amazonaws.com';

export type LogDeliveryPrincipal =
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'service'; readonly service: string }
  /** The log-delivery service of NLBs: grant s3:GetBucketAcl too, and require bucket-owner-full-control. */
  | { readonly kind: 'log-delivery-service'; readonly service: string };

/**
 * The principal to grant s3:PutObject on `<prefix/>AWSLogs/<account>/*` in the given region,
 * for an application (default) or network load balancer.
 */
export function logDeliveryPrincipal(region: string, loadBalancerKind: 'application' | 'network' = 'application'): LogDeliveryPrincipal {
  if (loadBalancerKind === 'network') return { kind: 'log-delivery-service', service: NLB_LOG_DELIVERY_SERVICE };
  const accountId = ELB_LOG_DELIVERY_ACCOUNTS[region];
  return accountId ? { kind: 'account', accountId } : { kind: 'service', service: ELB_LOG_DELIVERY_SERVICE };
}

/** Object key pattern the load balancer writes to (without bucket ARN). */
export function accessLogKeyPattern(prefix: string | undefined, accountId: string): string {
  return `${prefix ? `${prefix}/` : ''}AWSLogs/${accountId}/*`;
}
