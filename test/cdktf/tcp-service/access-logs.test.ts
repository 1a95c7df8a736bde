import { addressOf, all, only, ref, synth, errorOf, CERT_ARN } from './fixtures';
import { ListenerProtocol as P } from '../../../src/core';
import { NLB_LOG_DELIVERY_SERVICE } from '../../../src/core/logging/log-delivery';

const tls = { certificateArns: [CERT_ARN], listeners: [{ name: 'mqtt', port: 8883, protocol: P.TLS, targetPort: 1883 }] };
const policyOf = (tf: any) => JSON.parse(only(tf, 'aws_s3_bucket_policy').policy);

describe('6c. access logs for TLS listeners (Terraform)', () => {
  test('off without a terminated TLS listener: no block, no bucket', () => {
    const { tf } = synth();
    expect(only(tf, 'aws_lb').access_logs).toBeUndefined();
    expect(all(tf, 'aws_s3_bucket')).toEqual([]);
  });

  test('on with a terminated TLS listener, into the managed bucket, after its policy', () => {
    const { tf } = synth(tls);
    const lb = only(tf, 'aws_lb');
    expect(lb.access_logs).toEqual({ bucket: ref(tf, 'aws_s3_bucket', 'Nlb/AccessLogBucket', 'bucket'), enabled: true });
    expect(lb.depends_on).toEqual([addressOf(tf, 'aws_s3_bucket_policy', 'Nlb/AccessLogBucketPolicy')]);
    expect(only(tf, 'aws_s3_bucket_server_side_encryption_configuration').rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    expect(only(tf, 'aws_s3_bucket_lifecycle_configuration').rule[0].expiration).toEqual([{ days: 90 }]);
  });

  test('the policy lets the NLB log-delivery service check the ACL and write owner-controlled objects, over TLS only', () => {
    const { tf } = synth({ ...tls, accountId: '111111111111', accessLogs: { prefix: 'nlb' } });
    const arn = ref(tf, 'aws_s3_bucket', 'Nlb/AccessLogBucket', 'arn');
    expect(policyOf(tf).Statement).toEqual([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'AllowLogDeliveryAclCheck',
        Effect: 'Allow',
        Principal: { Service: NLB_LOG_DELIVERY_SERVICE },
        Action: 's3:GetBucketAcl',
        Resource: arn,
        Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
      },
      {
        Sid: 'AllowLogDeliveryWrite',
        Effect: 'Allow',
        Principal: { Service: NLB_LOG_DELIVERY_SERVICE },
        Action: 's3:PutObject',
        Resource: `${arn}/nlb/AWSLogs/111111111111/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': '111111111111' } },
      },
    ]);
    expect(only(tf, 'aws_lb').access_logs.prefix).toBe('nlb');
  });

  test('without an account id, any account\'s key and no source-account condition', () => {
    const [, acl, write] = policyOf(synth(tls).tf).Statement;
    expect(acl.Condition).toBeUndefined();
    expect(write.Condition).toEqual({ StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } });
    expect(write.Resource).toMatch(/\/AWSLogs\/\*\/\*$/);
  });

  test('the same service principal in every region', () => {
    for (const region of ['ap-southeast-3', 'cn-north-1']) {
      expect(policyOf(synth(tls, region).tf).Statement[2].Principal).toEqual({ Service: NLB_LOG_DELIVERY_SERVICE });
    }
  });

  test('a given bucket is used as is; logs can be turned off', () => {
    const given = synth({ ...tls, accessLogBucketName: 'my-logs', dashboard: false }, null).tf; // the dashboard would need a region
    expect(only(given, 'aws_lb').access_logs).toEqual({ bucket: 'my-logs', enabled: true });
    expect(all(given, 'aws_s3_bucket')).toEqual([]);
    const off = synth({ ...tls, accessLogs: { enabled: false } }).tf;
    expect(only(off, 'aws_lb').access_logs).toBeUndefined();
    expect(all(off, 'aws_s3_bucket')).toEqual([]);
  });

  test('asking for logs without a terminated TLS listener is refused', () => {
    expect(errorOf({ accessLogs: { enabled: true } })).toBe(
      'Stack/Nlb: accessLogs.enabled is true but NLB access logs record TLS listeners only, and none terminates TLS (received: true)');
  });
});
