// GENERATED from src/cdktf/render/log-bucket-policy.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { accessLogKeyPattern, logDeliveryPrincipal } from '../../core/logging/log-delivery';

/** What the access-log bucket policy is written for. */
export interface LogBucketPolicyInput {
  /** The bucket's ARN (usually a Terraform reference). */
  readonly bucketArn: string;
  /** The load balancer's region: picks the log-delivery principal. */
  readonly region: string;
  /** Account id in the log key, or `*`. */
  readonly accountId: string;
  readonly prefix?: string;
  /** Prefixes of the load balancer's other log types in the bucket (an ALB's connection and health-check logs). */
  readonly otherPrefixes?: readonly (string | undefined)[];
  /** Who delivers the logs differs by load-balancer kind. */
  readonly loadBalancerKind: 'application' | 'network';
}

/** Partition of a region, for IAM principal ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * The access-log bucket policy: deny every request not made over TLS, and let the log-delivery
 * principal of the load balancer's kind and region (src/core/logging/log-delivery.ts) put
 * objects under `<prefix/>AWSLogs/<account>/` for the access-log prefix and each other log type's. With a known account and a service principal,
 * `aws:SourceAccount` also stops other accounts' load balancers from writing here.
 */
export function logBucketPolicyDocument(input: LogBucketPolicyInput): Record<string, unknown> {
  const principal = logDeliveryPrincipal(input.region, input.loadBalancerKind);
  const others = (input.otherPrefixes ?? []).filter((p) => p !== input.prefix);
  const patterns = [input.prefix, ...others].map((p) => `${input.bucketArn}/${accessLogKeyPattern(p, input.accountId)}`);
  // one prefix stays a plain string, as the policy was before other log types
  const objects = patterns.length === 1 ? patterns[0] : patterns;
  const denyInsecure = {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [input.bucketArn, `${input.bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
  const sourceAccount = input.accountId !== '*' ? { 'aws:SourceAccount': input.accountId } : {};
  if (principal.kind === 'log-delivery-service') {
    // NLB: the log-delivery service checks the bucket ACL, then writes owner-controlled objects.
    const sourceCondition = input.accountId !== '*' ? { Condition: { StringEquals: sourceAccount } } : {};
    return {
      Version: '2012-10-17',
      Statement: [
        denyInsecure,
        {
          Sid: 'AllowLogDeliveryAclCheck',
          Effect: 'Allow',
          Principal: { Service: principal.service },
          Action: 's3:GetBucketAcl',
          Resource: input.bucketArn,
          ...sourceCondition,
        },
        {
          Sid: 'AllowLogDeliveryWrite',
          Effect: 'Allow',
          Principal: { Service: principal.service },
          Action: 's3:PutObject',
          Resource: objects,
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...sourceAccount } },
        },
      ],
    };
  }
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecure,
      {
        Sid: 'AllowElbLogDelivery',
        Effect: 'Allow',
        Principal: principal.kind === 'account'
          ? { AWS: `arn:${partitionOf(input.region)}:iam::${principal.accountId}:root` }
          : { Service: principal.service },
        Action: 's3:PutObject',
        Resource: objects,
        ...(principal.kind === 'service' && input.accountId !== '*'
          ? { Condition: { StringEquals: sourceAccount } }
          : {}),
      },
    ],
  };
}
