// GENERATED from src/cdktf/render/trust-store.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { LbListenerMutualAuthentication } from '@cdktn/provider-aws/lib/lb-listener';
import { LbTrustStore } from '@cdktn/provider-aws/lib/lb-trust-store';
import { LbTrustStoreRevocation } from '@cdktn/provider-aws/lib/lb-trust-store-revocation';
import { S3Bucket } from '@cdktn/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktn/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktn/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktn/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktn/provider-aws/lib/s3-bucket-versioning';
import { S3Object } from '@cdktn/provider-aws/lib/s3-object';
import { AssetType, TerraformAsset } from 'cdktn';
import { Construct } from 'constructs';
import { CA_BUNDLE_TAG, REVOCATION_LIST_TAG_PREFIX } from '../../core/contract';
import { MutualAuthenticationModel, S3ObjectModel, TrustStoreModel } from '../../core/model/load-balancer-model';

/** What mutual TLS rendered: the trust store, its revocations, and the bucket holding uploaded files. */
export interface RenderedTrustStore {
  readonly trustStore: LbTrustStore;
  readonly revocations: LbTrustStoreRevocation[];
  /** The private bucket lbkit created for uploaded files; absent when every file is an S3 object the user named. */
  readonly bucket?: S3Bucket;
  readonly objects: S3Object[];
}

/**
 * The listener's `mutual_authentication` block and, in verify mode, its `aws_lb_trust_store` (tagged
 * with the SHA-256 of each uploaded file, see {@link CA_BUNDLE_TAG}) and one `aws_lb_trust_store_revocation`
 * per revocation list, in order. Terraform has no asset bucket, so local files go to a bucket the
 * construct creates for them (see {@link renderTrustStoreBucket}) as `trust-store/<sha256>.pem`.
 */
export function renderMutualAuthentication(
  scope: Construct, model: MutualAuthenticationModel | undefined, uploads: ReadonlyMap<string, string>,
): { block?: LbListenerMutualAuthentication; trustStore?: RenderedTrustStore } {
  if (model === undefined) return {};
  if (model.mode === 'passthrough') return { block: { mode: 'passthrough' } };
  const trustStore = renderTrustStore(scope, model.trustStore, uploads);
  return {
    block: {
      mode: 'verify',
      trustStoreArn: trustStore.trustStore.arn,
      ignoreClientCertificateExpiry: model.ignoreClientCertificateExpiry,
      advertiseTrustStoreCaNames: model.advertiseTrustStoreCaNames ? 'on' : 'off',
    },
    trustStore,
  };
}

function renderTrustStore(scope: Construct, model: TrustStoreModel, uploads: ReadonlyMap<string, string>): RenderedTrustStore {
  let bucket: S3Bucket | undefined;
  const objects: S3Object[] = [];
  const location = (object: S3ObjectModel, id: string): { bucket: string; key: string; version?: string } => {
    if (object.kind === 's3') return { bucket: object.bucket, key: object.key, ...(object.version !== undefined ? { version: object.version } : {}) };
    const path = uploads.get(object.sha256);
    if (path === undefined) throw new Error(`unreachable: planning records every uploaded file (${object.sha256})`);
    bucket ??= renderTrustStoreBucket(scope);
    const asset = new TerraformAsset(scope, `${id}Asset`, { path, type: AssetType.FILE, assetHash: object.sha256 });
    const s3Object = new S3Object(scope, `${id}Object`, {
      bucket: bucket.id,
      key: `trust-store/${object.sha256}.pem`,
      source: asset.path,
      contentType: 'application/x-pem-file',
    });
    objects.push(s3Object);
    // References, so Terraform uploads the object before the trust store reads it.
    return { bucket: s3Object.bucket, key: s3Object.key };
  };
  const tags: Record<string, string> = {};
  if (model.caBundle.kind === 'uploaded') tags[CA_BUNDLE_TAG] = model.caBundle.sha256;
  model.revocationLists.forEach((r, i) => {
    if (r.kind === 'uploaded') tags[`${REVOCATION_LIST_TAG_PREFIX}${i + 1}`] = r.sha256;
  });
  const ca = location(model.caBundle, 'TrustStoreCaBundle');
  const trustStore = new LbTrustStore(scope, 'TrustStore', {
    ...(model.trustStoreName !== undefined ? { name: model.trustStoreName } : {}),
    caCertificatesBundleS3Bucket: ca.bucket,
    caCertificatesBundleS3Key: ca.key,
    ...(ca.version !== undefined ? { caCertificatesBundleS3ObjectVersion: ca.version } : {}),
    ...(Object.keys(tags).length > 0 ? { tags } : {}),
  });
  const trustStoreArn = trustStore.arn;
  const revocations = model.revocationLists.map((r, i) => {
    const at = location(r, `TrustStoreRevocationList${i + 1}`);
    return new LbTrustStoreRevocation(scope, `TrustStoreRevocation${i + 1}`, {
      trustStoreArn,
      revocationsS3Bucket: at.bucket,
      revocationsS3Key: at.key,
      ...(at.version !== undefined ? { revocationsS3ObjectVersion: at.version } : {}),
    });
  });
  return { trustStore, revocations, ...(bucket ? { bucket } : {}), objects };
}

/**
 * The bucket for the trust store's uploaded files, as private as the access-log bucket: SSE-S3,
 * every public access blocked, a TLS-only policy, and versioning (a replaced CA bundle can be
 * restored). Not the access-log bucket: its expiry rule would delete the CA bundle.
 */
function renderTrustStoreBucket(scope: Construct): S3Bucket {
  const bucket = new S3Bucket(scope, 'TrustStoreBucket', {});
  const bucketId = bucket.id;
  new S3BucketServerSideEncryptionConfigurationA(scope, 'TrustStoreBucketEncryption', {
    bucket: bucketId,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  const publicAccess = new S3BucketPublicAccessBlock(scope, 'TrustStoreBucketPublicAccessBlock', {
    bucket: bucketId,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketVersioningA(scope, 'TrustStoreBucketVersioning', {
    bucket: bucketId,
    versioningConfiguration: { status: 'Enabled' },
  });
  const arn = bucket.arn;
  new S3BucketPolicy(scope, 'TrustStoreBucketPolicy', {
    bucket: bucketId,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }],
    }),
    dependsOn: [publicAccess],
  });
  return bucket;
}
