import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { Construct } from 'constructs';
import { logBucketPolicyDocument } from './log-bucket-policy';

/** A managed access-log bucket. */
export interface LogBucketOptions {
  readonly expirationDays: number;
  readonly region: string;
  readonly accountId: string;
  readonly prefix?: string;
}

/** The bucket, and the policy the load balancer must wait for (ELB checks write access when logs are turned on). */
export interface RenderedLogBucket {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;
}

/**
 * The access-log bucket lbkit manages: encrypted with SSE-S3 (the only encryption ALB
 * log delivery supports), every public access blocked, objects expiring after
 * `expirationDays`, and a TLS-only policy granting the region's log-delivery principal.
 */
export function renderLogBucket(scope: Construct, options: LogBucketOptions): RenderedLogBucket {
  const bucket = new S3Bucket(scope, 'AccessLogBucket', {});
  new S3BucketServerSideEncryptionConfigurationA(scope, 'AccessLogBucketEncryption', {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  const publicAccess = new S3BucketPublicAccessBlock(scope, 'AccessLogBucketPublicAccessBlock', {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketLifecycleConfiguration(scope, 'AccessLogBucketLifecycle', {
    bucket: bucket.id,
    rule: [{
      id: 'expire-access-logs',
      status: 'Enabled',
      filter: [{ prefix: '' }],
      expiration: [{ days: options.expirationDays }],
    }],
  });
  const policy = new S3BucketPolicy(scope, 'AccessLogBucketPolicy', {
    bucket: bucket.id,
    policy: JSON.stringify(logBucketPolicyDocument({
      bucketArn: bucket.arn,
      region: options.region,
      accountId: options.accountId,
      prefix: options.prefix,
    })),
    // S3 rejects a bucket policy while the public access block is still being written.
    dependsOn: [publicAccess],
  });
  return { bucket, policy };
}
