import { addressOf, errorOf, only, ref, synth, warningsOf } from './fixtures';

const policyOf = (tf: any) => JSON.parse(only(tf, 'aws_s3_bucket_policy').policy);

describe('8b. connection logs (Terraform), and health-check logs refused by the pinned provider', () => {
  test('connection logs are on with access logs: a connection_logs block into the same bucket under connection-logs/', () => {
    const { tf } = synth({ accountId: '111111111111' });
    const bucket = addressOf(tf, 'aws_s3_bucket', 'Api/AccessLogBucket');
    expect(only(tf, 'aws_lb').connection_logs).toEqual({ bucket: `\${${bucket}.bucket}`, prefix: 'connection-logs', enabled: true });
    const arn = ref(tf, 'aws_s3_bucket', 'Api/AccessLogBucket', 'arn');
    expect(policyOf(tf).Statement[1].Resource).toEqual([`${arn}/AWSLogs/111111111111/*`, `${arn}/connection-logs/AWSLogs/111111111111/*`]);
  });

  test('their prefix follows the access-log prefix, or is the one given', () => {
    expect(only(synth({ accessLogs: { prefix: 'web' } }).tf, 'aws_lb').connection_logs.prefix).toBe('web/connection-logs');
    expect(only(synth({ connectionLogs: { prefix: 'conn' } }).tf, 'aws_lb').connection_logs.prefix).toBe('conn');
  });

  test('turned off (or with access logs off): no block, and the grant covers the access logs only', () => {
    const { tf, lb } = synth({ connectionLogs: { enabled: false } });
    expect(only(tf, 'aws_lb').connection_logs).toBeUndefined();
    expect(warningsOf(lb)).toContainEqual(expect.stringMatching(/^\[lbkit:connectionLogsDisabled\] connection logs are off: /));
    expect(policyOf(tf).Statement[1].Resource).toBe(`${ref(tf, 'aws_s3_bucket', 'Api/AccessLogBucket', 'arn')}/AWSLogs/*/*`);
    const off = synth({ accessLogs: { enabled: false } });
    expect(only(off.tf, 'aws_lb').connection_logs).toBeUndefined();
    // with access logs off, their own advice says it: no second warning
    expect(warningsOf(off.lb).filter((w) => w.includes('connectionLogsDisabled'))).toEqual([]);
  });

  test('a given bucket gets the connection logs too', () => {
    const { tf } = synth({ accessLogBucketName: 'my-logs', dashboard: false }, null); // the dashboard would need a region
    expect(only(tf, 'aws_lb').connection_logs).toEqual({ bucket: 'my-logs', prefix: 'connection-logs', enabled: true });
  });

  test('health-check logs are refused with the provider version that lacks them', () => {
    expect(errorOf({ healthCheckLogs: { enabled: true } })).toBe(
      'Stack/Api: healthCheckLogs.enabled is true but the Terraform AWS provider lbkit pins, hashicorp/aws 5.100.0 (@cdktf/provider-aws 20.1.0), '
      + 'has no aws_lb argument for health-check logs; turn them on with the CloudFormation engine or lbkit/cdktn (hashicorp/aws 6.x), or leave them off (received: true)');
  });
});
