import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { all, errorOf, only, synth } from './fixtures';
import { MutualTlsMode, TrustStoreObject } from '../../src/core/options/mutual-tls-options';
import { parseRevocationList } from '../../src/core/pki/revocation-list';
import { pemBlocks } from '../../src/core/validation/pem';
import { MTLS_FIXTURES } from '../support/mtls';

const CA = join(MTLS_FIXTURES, 'ca-bundle-two.crt');
const CRL = join(MTLS_FIXTURES, 'revoked.crl');
const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const httpsListener = (template: Parameters<typeof all>[0]) =>
  all(template, 'AWS::ElasticLoadBalancingV2::Listener').map((l: any) => l.Properties).find((p) => p.Protocol === 'HTTPS');

describe('mutual TLS (CloudFormation)', () => {
  test('off by default: no MutualAuthentication, no trust store', () => {
    const { template, lb } = synth();
    expect(httpsListener(template).MutualAuthentication).toBeUndefined();
    expect(all(template, 'AWS::ElasticLoadBalancingV2::TrustStore')).toEqual([]);
    expect(lb.resources.trustStore).toBeUndefined();
  });

  test('passthrough: the mode only, on the HTTPS listener; the HTTP redirect listener has none', () => {
    const { template } = synth({ mutualTls: { mode: MutualTlsMode.PASSTHROUGH } });
    expect(httpsListener(template).MutualAuthentication).toEqual({ Mode: 'passthrough' });
    const http = all(template, 'AWS::ElasticLoadBalancingV2::Listener').map((l: any) => l.Properties).find((p) => p.Protocol === 'HTTP');
    expect(http.MutualAuthentication).toBeUndefined();
    expect(all(template, 'AWS::ElasticLoadBalancingV2::TrustStore')).toEqual([]);
  });

  test('verify with S3 objects: trust store and revocation as written, AWS defaults stated on the listener', () => {
    const { template, lb } = synth({
      mutualTls: {
        mode: MutualTlsMode.VERIFY,
        caBundle: TrustStoreObject.fromS3('my-pki', 'ca/bundle.pem', 'v7'),
        revocationLists: [TrustStoreObject.fromS3('my-pki', 'crl/a.pem'), TrustStoreObject.fromS3('my-pki', 'crl/b.pem', 'v2')],
        trustStoreName: 'api-clients',
      },
    });
    expect(only(template, 'AWS::ElasticLoadBalancingV2::TrustStore')).toEqual({
      Name: 'api-clients',
      CaCertificatesBundleS3Bucket: 'my-pki',
      CaCertificatesBundleS3Key: 'ca/bundle.pem',
      CaCertificatesBundleS3ObjectVersion: 'v7',
    });
    const storeId = Object.keys(template.findResources('AWS::ElasticLoadBalancingV2::TrustStore'))[0];
    expect(only(template, 'AWS::ElasticLoadBalancingV2::TrustStoreRevocation')).toEqual({
      TrustStoreArn: { 'Fn::GetAtt': [storeId, 'TrustStoreArn'] },
      RevocationContents: [
        { RevocationType: 'CRL', S3Bucket: 'my-pki', S3Key: 'crl/a.pem' },
        { RevocationType: 'CRL', S3Bucket: 'my-pki', S3Key: 'crl/b.pem', S3ObjectVersion: 'v2' },
      ],
    });
    expect(httpsListener(template).MutualAuthentication).toEqual({
      Mode: 'verify',
      TrustStoreArn: { 'Fn::GetAtt': [storeId, 'TrustStoreArn'] },
      IgnoreClientCertificateExpiry: false,
      AdvertiseTrustStoreCaNames: 'off',
    });
    expect(lb.resources.trustStore).toBeDefined();
    expect(lb.resources.trustStoreRevocation).toBeDefined();
  });

  test('verify with local files: CDK assets in the bootstrap bucket, each file\'s SHA-256 tagged on the trust store', () => {
    const { template } = synth({
      mutualTls: {
        mode: MutualTlsMode.VERIFY,
        caBundle: TrustStoreObject.fromFile(CA),
        revocationLists: [TrustStoreObject.fromS3('my-pki', 'crl/a.pem'), TrustStoreObject.fromFile(CRL)],
        ignoreClientCertificateExpiry: true,
        advertiseTrustStoreCaNames: true,
      },
    });
    const store = only(template, 'AWS::ElasticLoadBalancingV2::TrustStore');
    // CloudFormation requires a Name: lbkit generates one from the path and tags it as generated.
    expect(store.Name).toBe('StackApiTrustStore2BF3EAE5');
    expect(store.Tags).toEqual(expect.arrayContaining([
      { Key: 'lbkit:ca-bundle', Value: sha256Of(CA) },
      { Key: 'lbkit:revocation-list-2', Value: sha256Of(CRL) },
      { Key: 'lbkit:generated-name', Value: 'StackApiTrustStore2BF3EAE5' },
    ]));
    expect(store.Tags).toHaveLength(3);
    expect(store.CaCertificatesBundleS3Bucket).toBe('cdk-hnb659fds-assets-111111111111-eu-west-1');
    expect(store.CaCertificatesBundleS3Key).toMatch(/^[0-9a-f]{64}\.(crt|crl)$/);
    const revocation = only(template, 'AWS::ElasticLoadBalancingV2::TrustStoreRevocation');
    expect(revocation.RevocationContents[1].S3Key).toMatch(/^[0-9a-f]{64}\.(crt|crl)$/);
    expect(httpsListener(template).MutualAuthentication).toMatchObject({ Mode: 'verify', IgnoreClientCertificateExpiry: true, AdvertiseTrustStoreCaNames: 'on' });
  });
});

describe('mutual TLS: what planning refuses at synth (both engines share it)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lbkit-mtls-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const pemOf = (label: string, body: Buffer) => `-----BEGIN ${label}-----\n${body.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;

  test('VERIFY without a CA bundle', () => {
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.VERIFY } })).toBe(
      'Stack/Api: mutualTls.caBundle is required with mode VERIFY: the load balancer checks client certificates against it (TrustStoreObject.fromS3 or .fromFile) (received: undefined)');
  });

  test('PASSTHROUGH with anything only VERIFY reads', () => {
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.PASSTHROUGH, caBundle: TrustStoreObject.fromS3('b', 'k') } })).toBe(
      'Stack/Api: mutualTls.caBundle is set with mode PASSTHROUGH, which checks no client certificate and uses no trust store; use mode VERIFY or leave it out '
      + '(received: {"kind":"s3","bucket":"b","key":"k"})');
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.PASSTHROUGH, ignoreClientCertificateExpiry: false } }))
      .toMatch(/^Stack\/Api: mutualTls.ignoreClientCertificateExpiry is set with mode PASSTHROUGH/);
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.PASSTHROUGH, trustStoreName: 'x' } })).toMatch(/mutualTls.trustStoreName is set with mode PASSTHROUGH/);
  });

  test('an unknown mode', () => {
    expect(errorOf({ mutualTls: { mode: 'off' as MutualTlsMode } })).toBe('Stack/Api: mutualTls.mode must be one of verify, passthrough (received: "off")');
  });

  test('a trust store name AWS refuses', () => {
    for (const name of ['-api', 'api-', 'a--b', 'api_clients', 'x'.repeat(33)]) {
      expect(errorOf({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle: TrustStoreObject.fromS3('b', 'k'), trustStoreName: name } })).toBe(
        `Stack/Api: mutualTls.trustStoreName must be 1–32 letters, digits and single hyphens, not starting or ending with a hyphen (received: ${JSON.stringify(name)})`);
    }
  });

  test('an empty S3 bucket or key', () => {
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle: TrustStoreObject.fromS3('', 'k') } }))
      .toBe('Stack/Api: mutualTls.caBundle.bucket must be a non-empty string (received: "")');
  });

  test('a missing file, a file without certificates, a private key in a CA bundle, a certificate that does not parse', () => {
    const verify = (caBundle: TrustStoreObject) => errorOf({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle } });
    const missing = join(dir, 'missing.pem');
    expect(verify(TrustStoreObject.fromFile(missing))).toBe(`Stack/Api: mutualTls.caBundle names a file that cannot be read (ENOENT) (received: ${JSON.stringify(missing)})`);
    const notPem = join(MTLS_FIXTURES, 'not-pem.txt');
    expect(verify(TrustStoreObject.fromFile(notPem)))
      .toBe(`Stack/Api: mutualTls.caBundle must be a PEM file of one or more "CERTIFICATE" blocks; ${notPem} holds none (received: ${JSON.stringify(notPem)})`);
    const withKey = write('with-key.pem', readFileSync(CA, 'utf8') + pemOf('PRIVATE KEY', Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00])));
    expect(verify(TrustStoreObject.fromFile(withKey))).toMatch(/mutualTls.caBundle holds a PEM "PRIVATE KEY" block in .*with-key.pem; it may hold only "CERTIFICATE" blocks/);
    const garbage = write('garbage.pem', pemOf('CERTIFICATE', Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00])));
    expect(verify(TrustStoreObject.fromFile(garbage))).toMatch(/mutualTls.caBundle holds a CERTIFICATE block \(#1\) in .*garbage.pem that is not an X.509 certificate/);
    const crlAsCa = verify(TrustStoreObject.fromFile(CRL));
    expect(crlAsCa).toMatch(/holds a PEM "X509 CRL" block/);
  });

  test('more CA certificates than a trust store takes (25)', () => {
    const ca = readFileSync(join(MTLS_FIXTURES, 'ca.crt'), 'utf8');
    const big = write('26.pem', ca.repeat(26));
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle: TrustStoreObject.fromFile(big) } }))
      .toBe(`Stack/Api: mutualTls.caBundle holds 26 CA certificates in ${big}; a trust store takes at most 25 (received: ${JSON.stringify(big)})`);
    expect(() => synth({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle: TrustStoreObject.fromFile(write('25.pem', ca.repeat(25))) } })).not.toThrow();
  });

  test('a CA certificate larger than 16 KiB', () => {
    const big = write('big.pem', pemOf('CERTIFICATE', Buffer.concat([Buffer.from([0x30]), Buffer.alloc(13_000)])));
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle: TrustStoreObject.fromFile(big) } }))
      .toMatch(/mutualTls.caBundle holds a CA certificate \(#1\) in .*big.pem larger than AWS's 16384 bytes/);
  });

  test('revocation lists: CRL blocks only, at most 30', () => {
    const caBundle = TrustStoreObject.fromS3('b', 'k');
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle, revocationLists: [TrustStoreObject.fromFile(CA)] } }))
      .toMatch(/^Stack\/Api: mutualTls.revocationLists\[0\] holds a PEM "CERTIFICATE" block in .*; it may hold only "X509 CRL" blocks/);
    const many = Array.from({ length: 31 }, (_, i) => TrustStoreObject.fromS3('b', `crl/${i}.pem`));
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle, revocationLists: many } }))
      .toBe('Stack/Api: mutualTls.revocationLists has 31 lists; a trust store takes at most 30 (received: 31)');
  });

  test('revocation entries: counted in local CRLs (RFC 5280 revokedCertificates); more than 500,000 per trust store refused', () => {
    const countIn = (file: string) => pemBlocks('p', 'o', file, readFileSync(file, 'utf8'), 'X509 CRL').map((b) => parseRevocationList(b.der).entries);
    expect(countIn(CRL)).toEqual([0]);
    expect(countIn(join(MTLS_FIXTURES, 'revoked-two.crl'))).toEqual([2]);
    // A CertificateList holding n entries (structure only: lbkit counts, AWS verifies signatures).
    const tlv = (tag: number, body: Buffer) => {
      const n = body.length;
      const long = Buffer.alloc(5);
      long[0] = 0x84;
      long.writeUInt32BE(n, 1);
      const len = n < 0x80 ? Buffer.from([n]) : long;
      return Buffer.concat([Buffer.from([tag]), len, body]);
    };
    const time = tlv(0x17, Buffer.from('260101000000Z'));
    const crlWith = (n: number) => {
      const entry = tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([1])), time]));
      const tbs = tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([1])), tlv(0x30, Buffer.alloc(0)), tlv(0x30, Buffer.alloc(0)), time, time,
        tlv(0x30, Buffer.concat(Array.from({ length: n }, () => entry)))]));
      return pemOf('X509 CRL', tlv(0x30, Buffer.concat([tbs, tlv(0x30, Buffer.alloc(0)), tlv(0x03, Buffer.from([0]))])));
    };
    const caBundle = TrustStoreObject.fromS3('b', 'k');
    const big = write('big.crl.pem', crlWith(300_000));
    expect(() => synth({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle, revocationLists: [TrustStoreObject.fromFile(big)] } })).not.toThrow();
    const twice = [TrustStoreObject.fromFile(big), TrustStoreObject.fromFile(big)];
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle, revocationLists: twice } }))
      .toBe(`Stack/Api: mutualTls.revocationLists[1] brings the trust store's revoked certificates to 600000; a trust store takes at most 500000 (received: ${JSON.stringify(big)})`);
    const broken = write('broken.crl.pem', pemOf('X509 CRL', Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00])));
    expect(errorOf({ mutualTls: { mode: MutualTlsMode.VERIFY, caBundle, revocationLists: [TrustStoreObject.fromFile(broken)] } }))
      .toMatch(/mutualTls.revocationLists\[0\] holds an X509 CRL block \(#1\) in .*broken.crl.pem that is not a certificate revocation list/);
  }, 60_000);
});
