import { Duration, Resource, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNagRules, LOG_BUCKET_SERVER_ACCESS_LOGS } from './nag-acknowledgements';
import { LbkitValidationError } from '../core/errors';
import { accessLogKeyPattern, logDeliveryPrincipal } from '../core/logging/log-delivery';
import { AccessLogsModel } from '../core/model/load-balancer-model';

/** Which kind of load balancer writes the logs: the delivering principal differs. */
export type LoadBalancerKind = 'application' | 'network';

/**
 * The bucket lbkit creates for access logs: SSE-S3 (the encryption both ALB and NLB log
 * delivery accept without a key policy), all public access blocked, TLS-only policy, objects
 * expiring after the model's days.
 */
export function renderManagedLogBucket(scope: Construct, id: string, expirationDays: number): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    lifecycleRules: [{ expiration: Duration.days(expirationDays) }],
  });
  acknowledgeNagRules(bucket.node.defaultChild as s3.CfnBucket, [LOG_BUCKET_SERVER_ACCESS_LOGS]);
  return bucket;
}

/**
 * Lets the log-delivery principal of the load balancer's kind (src/core/logging/log-delivery.ts)
 * put objects under `<prefix/>AWSLogs/<account>/`, for each prefix a log type of the load balancer
 * writes under (access logs first; an ALB's connection and health-check logs under their own).
 *
 * - Application load balancers deliver as the region's ELB account or service principal, so
 *   the stack must name a region: a CloudFormation mapping could not switch between an account
 *   and a service principal, and guessing wrong makes delivery fail.
 * - Network load balancers deliver as the log-delivery service in every region: it reads the
 *   bucket ACL, then writes objects with the `bucket-owner-full-control` ACL, both only for
 *   this account's load balancers (`aws:SourceAccount`).
 *
 * For a bucket of this CDK app the statements land in its policy; an imported bucket is left
 * as it is (its owner's policy must allow delivery), as aws-cdk-lib does for its own load balancers.
 *
 * @returns the bucket policy to create before the load balancer, if there is one
 */
export function grantLogDelivery(
  scope: Construct, path: string, bucket: s3.IBucket, prefixes: readonly (string | undefined)[], kind: LoadBalancerKind = 'application',
): s3.BucketPolicy | undefined {
  if (!Resource.isOwnedResource(bucket)) return undefined;
  const stack = Stack.of(scope);
  const region = stack.region;
  if (kind === 'application' && Token.isUnresolved(region)) {
    throw new LbkitValidationError(path, 'accessLogs',
      'need a stack with an explicit region (env: { region }) to grant that region\'s ELB log-delivery principal; '
      + 'or pass accessLogBucket with a policy you manage, or set accessLogs.enabled to false', 'AWS::Region (env-agnostic stack)');
  }
  const who = logDeliveryPrincipal(region, kind);
  const objects = prefixes.map((prefix) => bucket.arnForObjects(accessLogKeyPattern(prefix, stack.account)));
  if (who.kind === 'log-delivery-service') {
    const principal = new iam.ServicePrincipal(who.service);
    const sourceAccount = { 'aws:SourceAccount': stack.account };
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowLogDeliveryAclCheck',
      effect: iam.Effect.ALLOW,
      principals: [principal],
      actions: ['s3:GetBucketAcl'],
      resources: [bucket.bucketArn],
      conditions: { StringEquals: sourceAccount },
    }));
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowLogDeliveryWrite',
      effect: iam.Effect.ALLOW,
      principals: [principal],
      actions: ['s3:PutObject'],
      resources: objects,
      conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...sourceAccount } },
    }));
    return bucket.policy;
  }
  const principal = who.kind === 'account' ? new iam.AccountPrincipal(who.accountId) : new iam.ServicePrincipal(who.service);
  bucket.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'ElbAccessLogDelivery',
    effect: iam.Effect.ALLOW,
    principals: [principal],
    actions: ['s3:PutObject'],
    resources: objects,
  }));
  return bucket.policy;
}

/** The access-log bucket of a load balancer and the policy it must wait for. */
export interface RenderedAccessLogs {
  /** The bucket receiving the logs; undefined when logs are off. */
  readonly bucket?: s3.IBucket;
  /** The bucket policy granting delivery, when lbkit wrote one. */
  readonly policy?: s3.BucketPolicy;
}

/**
 * The model's access logs on CloudFormation: a managed bucket (construct id `AccessLogs`) or
 * the given one, with the delivery grant of the load balancer's kind for the access-log prefix and
 * `otherPrefixes` (an ALB's connection and health-check logs).
 */
export function renderAccessLogs(
  scope: Construct, model: AccessLogsModel, existingBucket: s3.IBucket | undefined, kind: LoadBalancerKind,
  otherPrefixes: readonly (string | undefined)[] = [],
): RenderedAccessLogs {
  if (!model.enabled) return {};
  const bucket = model.bucket.kind === 'managed'
    ? renderManagedLogBucket(scope, 'AccessLogs', model.bucket.expirationDays)
    // the plan uses an existing bucket only when accessLogBucket is given
    : existingBucket!;
  const prefixes = [model.prefix, ...otherPrefixes.filter((p) => p !== model.prefix)];
  return { bucket, policy: grantLogDelivery(scope, scope.node.path, bucket, prefixes, kind) };
}
