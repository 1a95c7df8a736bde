// GENERATED from src/cdktf/render/access-logs.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { S3Bucket } from '@cdktn/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktn/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketPolicy } from '@cdktn/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktn/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktn/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { ITerraformDependable, TerraformProvider } from 'cdktn';
import { Construct } from 'constructs';
import { logBucketPolicyDocument } from './log-bucket-policy';
import { AccessLogsModel } from '../../core/model/load-balancer-model';
import { resolveRegion } from '../region';

/** A managed access-log bucket. */
export interface LogBucketOptions {
  readonly expirationDays: number;
  readonly region: string;
  readonly accountId: string;
  readonly prefix?: string;
  /** Prefixes of the load balancer's other log types (an ALB's connection and health-check logs). */
  readonly otherPrefixes?: readonly (string | undefined)[];
  readonly loadBalancerKind: 'application' | 'network';
}

/** What the construct's props say about where logs go. */
export interface AccessLogProps {
  /** The `region` prop, if given (else the stack's default AwsProvider's). */
  readonly region?: string;
  /** The `accountId` prop, if given. */
  readonly accountId?: string;
  /** The `provider` prop, if given: its literal region comes before the default provider's. */
  readonly provider?: TerraformProvider;
}

/** Where the load balancer logs to, and what it must wait for. */
export interface RenderedAccessLogs {
  /** Bucket name for the `access_logs` block; undefined when access logs are off. */
  readonly bucketName?: string;
  /** The managed bucket's policy: ELB checks that it may write when logging is turned on. */
  readonly dependsOn: ITerraformDependable[];
  /** The managed bucket and its policy, for escape hatches; undefined for a given bucket or logs off. */
  readonly managed?: RenderedLogBucket;
}

/**
 * The model's access logs: nothing when off, the given bucket as is, or a managed bucket
 * (see {@link renderLogBucket}) for the construct's region (the `region` prop, the given
 * provider's or the stack's default provider's) and account.
 */
export function renderAccessLogs(
  scope: Construct, logs: AccessLogsModel, loadBalancerKind: 'application' | 'network', props: AccessLogProps,
  otherPrefixes: readonly (string | undefined)[] = [],
): RenderedAccessLogs {
  if (!logs.enabled) return { dependsOn: [] };
  const bucket = logs.bucket;
  if (bucket.kind === 'existing') return { bucketName: bucket.bucketName, dependsOn: [] };
  const managed = renderLogBucket(scope, {
    expirationDays: bucket.expirationDays,
    region: resolveRegion(scope, props.region, 'region', props.provider),
    accountId: props.accountId ?? '*',
    prefix: logs.prefix,
    ...(otherPrefixes.length > 0 ? { otherPrefixes } : {}),
    loadBalancerKind,
  });
  return { bucketName: managed.bucket.bucket, dependsOn: [managed.policy], managed };
}

/** The bucket, and the policy the load balancer must wait for (ELB checks write access when logs are turned on). */
export interface RenderedLogBucket {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;
}

/**
 * The access-log bucket lbkit manages: encrypted with SSE-S3 (the only encryption ALB
 * log delivery supports; NLB's accepts it too), every public access blocked, objects expiring after
 * `expirationDays`, and a TLS-only policy granting the region's log-delivery principal.
 */
export function renderLogBucket(scope: Construct, options: LogBucketOptions): RenderedLogBucket {
  const bucket = new S3Bucket(scope, 'AccessLogBucket', {});
  const bucketId = bucket.id; // one cdktf token for the bucket's four configuration resources
  new S3BucketServerSideEncryptionConfigurationA(scope, 'AccessLogBucketEncryption', {
    bucket: bucketId,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  const publicAccess = new S3BucketPublicAccessBlock(scope, 'AccessLogBucketPublicAccessBlock', {
    bucket: bucketId,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketLifecycleConfiguration(scope, 'AccessLogBucketLifecycle', {
    bucket: bucketId,
    rule: [{
      id: 'expire-access-logs',
      status: 'Enabled',
      filter: [{ prefix: '' }],
      expiration: [{ days: options.expirationDays }],
    }],
  });
  const policy = new S3BucketPolicy(scope, 'AccessLogBucketPolicy', {
    bucket: bucketId,
    policy: JSON.stringify(logBucketPolicyDocument({
      bucketArn: bucket.arn,
      region: options.region,
      accountId: options.accountId,
      prefix: options.prefix,
      ...(options.otherPrefixes !== undefined ? { otherPrefixes: options.otherPrefixes } : {}),
      loadBalancerKind: options.loadBalancerKind,
    })),
    // S3 rejects a bucket policy while the public access block is still being written.
    dependsOn: [publicAccess],
  });
  return { bucket, policy };
}
