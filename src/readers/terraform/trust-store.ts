import { CA_BUNDLE_TAG } from '../../core/contract';
import { S3ObjectPart } from '../parts';
import { ResourceMapping } from '../registry';
import { caBundleSha256, revocationSha256Tags } from '../trust-store-fields';
import { isObject, literalOrReference, str } from '../values';
import { TfConfig, tfTag } from './config';

function s3Object(doc: TfConfig, bucket: unknown, key: unknown, version: unknown): S3ObjectPart {
  const v = version !== undefined ? literalOrReference(doc, version) : undefined;
  return { bucket: literalOrReference(doc, bucket), key: literalOrReference(doc, key), ...(v !== undefined ? { version: v } : {}) };
}

/** aws_lb_trust_store: name, CA bundle object, SHA-256 tags of uploaded files. */
export const awsLbTrustStoreMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb_trust_store'],
  read: (id, b, doc) => {
    const where = `trust store ${id}`;
    const name = b.name !== undefined ? str(doc.scalar(b.name)) : undefined;
    const ca = tfTag(b.tags, CA_BUNDLE_TAG);
    return [{
      kind: 'trust-store',
      key: id,
      ...(name !== undefined ? { trustStoreName: name } : {}),
      caBundle: s3Object(doc, b.ca_certificates_bundle_s3_bucket, b.ca_certificates_bundle_s3_key, b.ca_certificates_bundle_s3_object_version),
      ...(ca !== undefined ? { caBundleSha256: caBundleSha256(ca, where) } : {}),
      revocationSha256: revocationSha256Tags(isObject(b.tags) ? Object.entries(b.tags) : [], where),
    }];
  },
};

/** aws_lb_trust_store_revocation: one revocation list of a trust store. */
export const awsLbTrustStoreRevocationMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb_trust_store_revocation'],
  read: (id, b, doc) => [{
    kind: 'trust-store-revocation',
    key: id,
    trustStore: doc.ref(b.trust_store_arn),
    revocationLists: [s3Object(doc, b.revocations_s3_bucket, b.revocations_s3_key, b.revocations_s3_object_version)],
  }],
};
