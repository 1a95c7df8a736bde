/**
 * The region and account of ARNs that exist only once deployed (target groups, certificates lbkit
 * requests from ACM): the local proxy names them with these stand-ins in its access log.
 */
export const LOCAL_ARN_REGION = 'local';
export const LOCAL_ARN_ACCOUNT = '000000000000';

/** A target group's local stand-in ARN (the access log's target_group_arn, a Lambda event's requestContext). */
export function localTargetGroupArn(name: string, region = LOCAL_ARN_REGION, account = LOCAL_ARN_ACCOUNT): string {
  return `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/${name}/lbkit-local`;
}

/** An application load balancer's local stand-in ARN (x-amzn-oidc-data's `signer`). */
export function localLoadBalancerArn(name: string, region = LOCAL_ARN_REGION, account = LOCAL_ARN_ACCOUNT): string {
  return `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/${name}/lbkit-local`;
}
