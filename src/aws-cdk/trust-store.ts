import { AssetHashType, Names, Tags } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { CA_BUNDLE_TAG, GENERATED_NAME_TAG, REVOCATION_LIST_TAG_PREFIX } from '../core/contract';
import { MutualAuthenticationModel, S3ObjectModel, TrustStoreModel } from '../core/model/load-balancer-model';

/** The trust store and its revocation lists as rendered. */
export interface RenderedTrustStore {
  readonly trustStore: elbv2.CfnTrustStore;
  readonly revocation?: elbv2.CfnTrustStoreRevocation;
}

interface S3Location {
  readonly bucket: string;
  readonly key: string;
  readonly version?: string;
}

/**
 * The listener's `MutualAuthentication` and, in verify mode, its trust store (`TrustStore`, tagged
 * with the SHA-256 of each uploaded file, see {@link CA_BUNDLE_TAG}, named by lbkit when the user did
 * not, see {@link GENERATED_NAME_TAG}) and one `TrustStoreRevocation`
 * holding the revocation lists in order. A local file becomes a CDK asset (the bootstrap asset
 * bucket), known by its SHA-256.
 */
export function renderMutualAuthentication(
  scope: Construct, model: MutualAuthenticationModel | undefined, uploads: ReadonlyMap<string, string>,
): { property?: elbv2.CfnListener.MutualAuthenticationProperty; trustStore?: RenderedTrustStore } {
  if (model === undefined) return {};
  if (model.mode === 'passthrough') return { property: { mode: 'passthrough' } };
  const trustStore = renderTrustStore(scope, model.trustStore, uploads);
  return {
    property: {
      mode: 'verify',
      trustStoreArn: trustStore.trustStore.attrTrustStoreArn,
      ignoreClientCertificateExpiry: model.ignoreClientCertificateExpiry,
      advertiseTrustStoreCaNames: model.advertiseTrustStoreCaNames ? 'on' : 'off',
    },
    trustStore,
  };
}

function renderTrustStore(scope: Construct, model: TrustStoreModel, uploads: ReadonlyMap<string, string>): RenderedTrustStore {
  const location = (object: S3ObjectModel, id: string): S3Location => {
    if (object.kind === 's3') return { bucket: object.bucket, key: object.key, ...(object.version !== undefined ? { version: object.version } : {}) };
    const path = uploads.get(object.sha256);
    if (path === undefined) throw new Error(`unreachable: planning records every uploaded file (${object.sha256})`);
    const asset = new s3assets.Asset(scope, id, { path, assetHash: object.sha256, assetHashType: AssetHashType.CUSTOM });
    return { bucket: asset.s3BucketName, key: asset.s3ObjectKey };
  };
  const tags = [
    ...(model.caBundle.kind === 'uploaded' ? [{ key: CA_BUNDLE_TAG, value: model.caBundle.sha256 }] : []),
    ...model.revocationLists.flatMap((r, i) => (r.kind === 'uploaded' ? [{ key: `${REVOCATION_LIST_TAG_PREFIX}${i + 1}`, value: r.sha256 }] : [])),
  ];
  const ca = location(model.caBundle, 'TrustStoreCaBundle');
  const trustStore = new elbv2.CfnTrustStore(scope, 'TrustStore', {
    ...(model.trustStoreName !== undefined ? { name: model.trustStoreName } : {}),
    caCertificatesBundleS3Bucket: ca.bucket,
    caCertificatesBundleS3Key: ca.key,
    ...(ca.version !== undefined ? { caCertificatesBundleS3ObjectVersion: ca.version } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  });
  if (model.trustStoreName === undefined) {
    // CloudFormation requires a Name (as CDK's own TrustStore, lbkit generates one from the path), tagged
    // so the readers know it is not the user's.
    const generated = Names.uniqueResourceName(trustStore, { maxLength: 32 });
    trustStore.name = generated;
    Tags.of(trustStore).add(GENERATED_NAME_TAG, generated);
  }
  if (model.revocationLists.length === 0) return { trustStore };
  const revocation = new elbv2.CfnTrustStoreRevocation(scope, 'TrustStoreRevocation', {
    trustStoreArn: trustStore.attrTrustStoreArn,
    revocationContents: model.revocationLists.map((r, i) => {
      const at = location(r, `TrustStoreRevocationList${i + 1}`);
      return {
        revocationType: 'CRL',
        s3Bucket: at.bucket,
        s3Key: at.key,
        ...(at.version !== undefined ? { s3ObjectVersion: at.version } : {}),
      };
    }),
  });
  return { trustStore, revocation };
}
