import { Duration, Resource, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNagRules, LOG_BUCKET_SERVER_ACCESS_LOGS } from './nag-acknowledgements';
import { LbkitValidationError } from '../core/errors';
import { accessLogKeyPattern, logDeliveryPrincipal } from '../core/logging/log-delivery';

/**
 * The bucket lbkit creates for access logs: SSE-S3 (the only encryption ALB log delivery
 * supports), all public access blocked, TLS-only policy, objects expiring after the model's days.
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
 * Lets the region's ELB log delivery principal (src/core/logging/log-delivery.ts) put
 * objects under `<prefix/>AWSLogs/<account>/`. The principal depends on the region, so the
 * stack must name one: a CloudFormation mapping could not switch between an account and a
 * service principal, and guessing wrong makes delivery fail.
 *
 * For a bucket of this CDK app the statement lands in its policy; an imported bucket is left
 * as it is (its owner's policy must allow delivery), as aws-cdk-lib does for its own ALB.
 *
 * @returns the bucket policy to create before the load balancer, if there is one
 */
export function grantLogDelivery(scope: Construct, path: string, bucket: s3.IBucket, prefix: string | undefined): s3.BucketPolicy | undefined {
  if (!Resource.isOwnedResource(bucket)) return undefined;
  const stack = Stack.of(scope);
  const region = stack.region;
  if (Token.isUnresolved(region)) {
    throw new LbkitValidationError(path, 'accessLogs',
      'need a stack with an explicit region (env: { region }) to grant that region\'s ELB log-delivery principal; '
      + 'or pass accessLogBucket with a policy you manage, or set accessLogs.enabled to false', 'AWS::Region (env-agnostic stack)');
  }
  const who = logDeliveryPrincipal(region);
  const principal = who.kind === 'account' ? new iam.AccountPrincipal(who.accountId) : new iam.ServicePrincipal(who.service);
  bucket.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'ElbAccessLogDelivery',
    effect: iam.Effect.ALLOW,
    principals: [principal],
    actions: ['s3:PutObject'],
    resources: [bucket.arnForObjects(accessLogKeyPattern(prefix, stack.account))],
  }));
  return bucket.policy;
}
