import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { all, listener, only, ref, synth } from './fixtures';
import { MutualTlsMode, TrustStoreObject } from '../../src/core/options/mutual-tls-options';
import { MTLS_FIXTURES } from '../support/mtls';

const CA = join(MTLS_FIXTURES, 'ca-bundle-two.crt');
const CRL = join(MTLS_FIXTURES, 'revoked.crl');
const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('mutual TLS (Terraform)', () => {
  test('off by default: no mutual_authentication block, no trust store, no trust-store bucket', () => {
    const { tf, lb } = synth();
    expect(listener(tf, 443).mutual_authentication).toBeUndefined();
    expect(all(tf, 'aws_lb_trust_store')).toEqual([]);
    expect(lb.resources.trustStore).toBeUndefined();
    expect(lb.resources.trustStoreRevocations).toEqual([]);
  });

  test('passthrough: the mode only, on the HTTPS listener', () => {
    const { tf } = synth({ mutualTls: { mode: MutualTlsMode.PASSTHROUGH } });
    expect(listener(tf, 443).mutual_authentication).toEqual({ mode: 'passthrough' });
    expect(listener(tf, 80).mutual_authentication).toBeUndefined();
  });

  test('verify with S3 objects: trust store and one revocation resource per list, no bucket of lbkit\'s', () => {
    const { tf, lb } = synth({
      mutualTls: {
        mode: MutualTlsMode.VERIFY,
        caBundle: TrustStoreObject.fromS3('my-pki', 'ca/bundle.pem', 'v7'),
        revocationLists: [TrustStoreObject.fromS3('my-pki', 'crl/a.pem'), TrustStoreObject.fromS3('my-pki', 'crl/b.pem', 'v2')],
        trustStoreName: 'api-clients',
      },
    });
    expect(only(tf, 'aws_lb_trust_store')).toEqual({
      name: 'api-clients',
      ca_certificates_bundle_s3_bucket: 'my-pki',
      ca_certificates_bundle_s3_key: 'ca/bundle.pem',
      ca_certificates_bundle_s3_object_version: 'v7',
    });
    const arn = ref(tf, 'aws_lb_trust_store', 'Api/TrustStore', 'arn');
    expect(all(tf, 'aws_lb_trust_store_revocation')).toEqual([
      { trust_store_arn: arn, revocations_s3_bucket: 'my-pki', revocations_s3_key: 'crl/a.pem' },
      { trust_store_arn: arn, revocations_s3_bucket: 'my-pki', revocations_s3_key: 'crl/b.pem', revocations_s3_object_version: 'v2' },
    ]);
    expect(listener(tf, 443).mutual_authentication).toEqual({
      mode: 'verify', trust_store_arn: arn, ignore_client_certificate_expiry: false, advertise_trust_store_ca_names: 'off',
    });
    expect(all(tf, 'aws_s3_object')).toEqual([]);
    expect(lb.resources.trustStoreBucket).toBeUndefined();
    expect(lb.resources.trustStoreRevocations).toHaveLength(2);
  });

  test('verify with local files: uploaded to a private, encrypted, versioned, TLS-only bucket of their own; SHA-256 tags', () => {
    const { tf, lb } = synth({
      mutualTls: {
        mode: MutualTlsMode.VERIFY,
        caBundle: TrustStoreObject.fromFile(CA),
        revocationLists: [TrustStoreObject.fromFile(CRL)],
        ignoreClientCertificateExpiry: true,
        advertiseTrustStoreCaNames: true,
      },
    });
    const bucketId = ref(tf, 'aws_s3_bucket', 'Api/TrustStoreBucket', 'id');
    const objects = all(tf, 'aws_s3_object');
    expect(objects.map((o) => ({ bucket: o.bucket, key: o.key, type: o.content_type }))).toEqual([
      { bucket: bucketId, key: `trust-store/${sha256Of(CA)}.pem`, type: 'application/x-pem-file' },
      { bucket: bucketId, key: `trust-store/${sha256Of(CRL)}.pem`, type: 'application/x-pem-file' },
    ]);
    expect(objects[0].source).toMatch(/^assets\//);
    const store = only(tf, 'aws_lb_trust_store');
    expect(store.tags).toEqual({ 'lbkit:ca-bundle': sha256Of(CA), 'lbkit:revocation-list-1': sha256Of(CRL) });
    expect(store.ca_certificates_bundle_s3_key).toBe(ref(tf, 'aws_s3_object', 'Api/TrustStoreCaBundleObject', 'key'));
    expect(all(tf, 'aws_s3_bucket_server_side_encryption_configuration').find((e) => e.bucket === bucketId).rule)
      .toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    expect(all(tf, 'aws_s3_bucket_public_access_block').find((b) => b.bucket === bucketId)).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(only(tf, 'aws_s3_bucket_versioning')).toEqual({ bucket: bucketId, versioning_configuration: { status: 'Enabled' } });
    const policy = all(tf, 'aws_s3_bucket_policy').find((p) => p.bucket === bucketId);
    expect(JSON.parse(policy.policy).Statement).toEqual([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]);
    expect(listener(tf, 443).mutual_authentication).toMatchObject({ mode: 'verify', ignore_client_certificate_expiry: true, advertise_trust_store_ca_names: 'on' });
    expect(lb.resources.trustStoreBucket).toBeDefined();
    expect(lb.resources.trustStoreObjects).toHaveLength(2);
  });
});
