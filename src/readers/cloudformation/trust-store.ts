import { CA_BUNDLE_TAG, GENERATED_NAME_TAG } from '../../core/contract';
import { S3ObjectPart } from '../parts';
import { caBundleSha256, revocationSha256Tags } from '../trust-store-fields';
import { keyValues, literalOrReference, objects, str } from '../values';
import { CfnTemplate, cfnMapping, cfnTag } from './template';

function s3Object(doc: CfnTemplate, bucket: unknown, key: unknown, version: unknown): S3ObjectPart {
  const v = version !== undefined ? literalOrReference(doc, version) : undefined;
  return { bucket: literalOrReference(doc, bucket), key: literalOrReference(doc, key), ...(v !== undefined ? { version: v } : {}) };
}

/** AWS::ElasticLoadBalancingV2::TrustStore: name (unless lbkit generated it), CA bundle object, SHA-256 tags of uploaded files. */
export const trustStoreMapping = cfnMapping('AWS::ElasticLoadBalancingV2::TrustStore', (id, p, doc) => {
  const where = `trust store ${id}`;
  const written = p.Name !== undefined ? str(doc.scalar(p.Name)) : undefined;
  // A name lbkit generated (CloudFormation requires one) is not the user's trustStoreName.
  const name = written !== undefined && written === cfnTag(p.Tags, GENERATED_NAME_TAG) ? undefined : written;
  const tags = keyValues(p.Tags, `${where} Tags`);
  return [{
    kind: 'trust-store',
    key: id,
    ...(name !== undefined ? { trustStoreName: name } : {}),
    caBundle: s3Object(doc, p.CaCertificatesBundleS3Bucket, p.CaCertificatesBundleS3Key, p.CaCertificatesBundleS3ObjectVersion),
    ...(cfnTag(p.Tags, CA_BUNDLE_TAG) !== undefined ? { caBundleSha256: caBundleSha256(cfnTag(p.Tags, CA_BUNDLE_TAG), where) } : {}),
    revocationSha256: revocationSha256Tags(tags.map((t) => [t.Key, t.Value]), where),
  }];
});

/** AWS::ElasticLoadBalancingV2::TrustStoreRevocation: its revocation lists (RevocationContents), in order. */
export const trustStoreRevocationMapping = cfnMapping('AWS::ElasticLoadBalancingV2::TrustStoreRevocation', (id, p, doc) => [{
  kind: 'trust-store-revocation',
  key: id,
  trustStore: doc.ref(p.TrustStoreArn),
  revocationLists: objects(p.RevocationContents).map((c) => s3Object(doc, c.S3Bucket, c.S3Key, c.S3ObjectVersion)),
}]);
