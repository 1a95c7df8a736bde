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
}

/** Partition of a region, for IAM principal ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * The access-log bucket policy: deny every request not made over TLS, and let the
 * region's ELB log-delivery principal (src/core/logging/log-delivery.ts) put objects
 * under `<prefix/>AWSLogs/<account>/`. With a known account and the service principal,
 * `aws:SourceAccount` also stops other accounts' load balancers from writing here.
 */
export function logBucketPolicyDocument(input: LogBucketPolicyInput): Record<string, unknown> {
  const principal = logDeliveryPrincipal(input.region);
  const objects = `${input.bucketArn}/${accessLogKeyPattern(input.prefix, input.accountId)}`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [input.bucketArn, `${input.bucketArn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'AllowElbLogDelivery',
        Effect: 'Allow',
        Principal: principal.kind === 'account'
          ? { AWS: `arn:${partitionOf(input.region)}:iam::${principal.accountId}:root` }
          : { Service: principal.service },
        Action: 's3:PutObject',
        Resource: objects,
        ...(principal.kind === 'service' && input.accountId !== '*'
          ? { Condition: { StringEquals: { 'aws:SourceAccount': input.accountId } } }
          : {}),
      },
    ],
  };
}
