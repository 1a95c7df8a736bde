import { cfnTemplate, tfConfig } from './fixtures';
import { LoadBalancerModel, REFERENCE } from '../../src/core/model/load-balancer-model';
import { LbkitConfigError, readCloudFormation, readTerraform } from '../../src/readers';
import { readCloudFormationOutput } from '../../src/readers/cloudformation';
import { readTerraformOutput } from '../../src/readers/terraform';

/** A listener's mutual authentication, its trust store and revocations, read back by both readers. */

const SHA = 'a'.repeat(64);
const SHA2 = 'b'.repeat(64);
const https = (models: unknown[]) => (models[0] as LoadBalancerModel).listeners.find((l) => l.protocol === 'HTTPS')!;
const configError = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LbkitConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a config error');
};

function cfnWithTrustStore(mutualAuthentication: Record<string, unknown>, tags: { Key: string; Value: string }[] = []) {
  const t = cfnTemplate();
  t.Resources.HttpsListener.Properties.MutualAuthentication = mutualAuthentication;
  t.Resources.Store = {
    Type: 'AWS::ElasticLoadBalancingV2::TrustStore',
    Properties: {
      CaCertificatesBundleS3Bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' },
      CaCertificatesBundleS3Key: `${SHA}.pem`,
      ...(tags.length > 0 ? { Tags: tags } : {}),
    },
  };
  t.Resources.Revocation = {
    Type: 'AWS::ElasticLoadBalancingV2::TrustStoreRevocation',
    Properties: {
      TrustStoreArn: { 'Fn::GetAtt': ['Store', 'TrustStoreArn'] },
      RevocationContents: [{ S3Bucket: 'pki', S3Key: 'one.pem', S3ObjectVersion: 'v1' }, { S3Bucket: 'asset-bucket', S3Key: `${SHA2}.pem`, RevocationType: 'CRL' }],
    },
  };
  return t;
}

function tfWithTrustStore(mutualAuthentication: Record<string, unknown>, tags: Record<string, string> = {}) {
  const c = tfConfig();
  c.resource.aws_lb_listener.https.mutual_authentication = mutualAuthentication;
  c.resource.aws_lb_trust_store = {
    store: { name: 'clients', ca_certificates_bundle_s3_bucket: 'pki', ca_certificates_bundle_s3_key: 'ca.pem', ca_certificates_bundle_s3_object_version: 'v9', tags },
  };
  c.resource.aws_lb_trust_store_revocation = {
    first: { trust_store_arn: '${aws_lb_trust_store.store.arn}', revocations_s3_bucket: 'pki', revocations_s3_key: 'one.pem' },
    second: { trust_store_arn: '${aws_lb_trust_store.store.arn}', revocations_s3_bucket: '${aws_s3_object.crl.bucket}', revocations_s3_key: '${aws_s3_object.crl.key}' },
  };
  return c;
}

describe('mutual TLS read back', () => {
  test('absent, or mode off: none', () => {
    expect(https(readCloudFormation(cfnTemplate())).mutualAuthentication).toBeUndefined();
    expect(https(readTerraform(tfConfig())).mutualAuthentication).toBeUndefined();
    const t = cfnTemplate();
    t.Resources.HttpsListener.Properties.MutualAuthentication = { Mode: 'off' };
    expect(https(readCloudFormation(t)).mutualAuthentication).toBeUndefined();
  });

  test('passthrough on both engines', () => {
    const t = cfnTemplate();
    t.Resources.HttpsListener.Properties.MutualAuthentication = { Mode: 'passthrough' };
    expect(https(readCloudFormation(t)).mutualAuthentication).toEqual({ mode: 'passthrough' });
    const c = tfConfig();
    c.resource.aws_lb_listener.https.mutual_authentication = [{ mode: 'passthrough' }];
    expect(https(readTerraform(c)).mutualAuthentication).toEqual({ mode: 'passthrough' });
  });

  test('CloudFormation verify: tags name uploaded files; untagged objects as written; AWS\'s defaults for what is left out', () => {
    const t = cfnWithTrustStore({ Mode: 'verify', TrustStoreArn: { Ref: 'Store' } },
      [{ Key: 'lbkit:ca-bundle', Value: SHA }, { Key: 'lbkit:revocation-list-2', Value: SHA2 }, { Key: 'lbkit:name', Value: 'x' }]);
    expect(https(readCloudFormation(t)).mutualAuthentication).toEqual({
      mode: 'verify',
      trustStore: {
        caBundle: { kind: 'uploaded', sha256: SHA },
        revocationLists: [{ kind: 's3', bucket: 'pki', key: 'one.pem', version: 'v1' }, { kind: 'uploaded', sha256: SHA2 }],
      },
      ignoreClientCertificateExpiry: false,
      advertiseTrustStoreCaNames: false,
    });
    const untagged = cfnWithTrustStore({ Mode: 'verify', TrustStoreArn: { 'Fn::GetAtt': ['Store', 'TrustStoreArn'] }, IgnoreClientCertificateExpiry: 'true', AdvertiseTrustStoreCaNames: 'on' });
    const auth = https(readCloudFormation(untagged)).mutualAuthentication;
    expect(auth).toMatchObject({
      trustStore: { caBundle: { kind: 's3', bucket: REFERENCE, key: `${SHA}.pem` } },
      ignoreClientCertificateExpiry: true,
      advertiseTrustStoreCaNames: true,
    });
  });

  test('CloudFormation: a Name lbkit generated (tagged lbkit:generated-name) is not the user\'s; any other Name is', () => {
    const generated = cfnWithTrustStore({ Mode: 'verify', TrustStoreArn: { Ref: 'Store' } }, [{ Key: 'lbkit:generated-name', Value: 'StackApiTrustStoreABCD' }]);
    generated.Resources.Store.Properties.Name = 'StackApiTrustStoreABCD';
    const auth = (t: Record<string, any>) => https(readCloudFormation(t)).mutualAuthentication as { trustStore: { trustStoreName?: string } };
    expect(auth(generated).trustStore.trustStoreName).toBeUndefined();
    generated.Resources.Store.Properties.Name = 'partners';
    expect(auth(generated).trustStore.trustStoreName).toBe('partners');
  });

  test('Terraform verify: a name, a version, revocation resources in document order, references read as references', () => {
    const c = tfWithTrustStore({ mode: 'verify', trust_store_arn: '${aws_lb_trust_store.store.arn}', advertise_trust_store_ca_names: 'off' }, { 'lbkit:revocation-list-2': SHA2 });
    expect(https(readTerraform(c)).mutualAuthentication).toEqual({
      mode: 'verify',
      trustStore: {
        trustStoreName: 'clients',
        caBundle: { kind: 's3', bucket: 'pki', key: 'ca.pem', version: 'v9' },
        revocationLists: [{ kind: 's3', bucket: 'pki', key: 'one.pem' }, { kind: 'uploaded', sha256: SHA2 }],
      },
      ignoreClientCertificateExpiry: false,
      advertiseTrustStoreCaNames: false,
    });
  });

  test('what the model cannot hold is refused, naming the listener', () => {
    expect(configError(() => readCloudFormation(cfnWithTrustStore({ Mode: 'verify', TrustStoreArn: 'arn:aws:elasticloadbalancing:eu-west-1:1:truststore/x/1' }))))
      .toMatch(/listener HttpsListener: mutual authentication verifies against a trust store that is not in the output \(arn:aws:elasticloadbalancing/);
    expect(configError(() => readCloudFormation(cfnWithTrustStore({ Mode: 'strict' }))))
      .toMatch(/listener HttpsListener: mutual authentication mode "strict"; expected off, passthrough or verify/);
    expect(configError(() => readCloudFormation(cfnWithTrustStore({ Mode: 'verify', TrustStoreArn: { Ref: 'Store' }, AdvertiseTrustStoreCaNames: 'yes' }))))
      .toMatch(/advertise trust store CA names "yes"; expected on or off/);
    expect(configError(() => readCloudFormation(cfnWithTrustStore({ Mode: 'verify', TrustStoreArn: { Ref: 'Store' } }, [{ Key: 'lbkit:ca-bundle', Value: 'abc' }]))))
      .toMatch(/trust store Store: CA bundle tag "abc" is not a SHA-256/);
    expect(configError(() => readTerraform(tfWithTrustStore({ mode: 'verify', trust_store_arn: '${aws_lb_trust_store.store.arn}' }, { 'lbkit:revocation-list-3': SHA }))))
      .toMatch(/trust store aws_lb_trust_store.store tags revocation list 3 but has 2/);
    const http = cfnTemplate();
    http.Resources.HttpListener.Properties.MutualAuthentication = { Mode: 'passthrough' };
    expect(configError(() => readCloudFormation(http))).toMatch(/listener HttpListener on port 80 has mutual authentication but protocol HTTP; mutual TLS needs HTTPS/);
  });

  test('the trust store and revocation properties are modeled: none reported as unmodeled; an override of one that is not, is', () => {
    const t = cfnWithTrustStore({ Mode: 'verify', TrustStoreArn: { Ref: 'Store' } });
    expect(readCloudFormationOutput(t).unmodeled.filter((u) => u.resource === 'Store' || u.resource === 'Revocation')).toEqual([]);
    const c = tfWithTrustStore({ mode: 'verify', trust_store_arn: '${aws_lb_trust_store.store.arn}' });
    expect(readTerraformOutput(c).unmodeled.filter((u) => u.resourceType.startsWith('aws_lb_trust_store'))).toEqual([]);
    c.resource.aws_lb_trust_store.store.something_new = true;
    expect(readTerraformOutput(c).unmodeled).toContainEqual({ resource: 'aws_lb_trust_store.store', resourceType: 'aws_lb_trust_store', property: 'something_new' });
  });
});
