import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformVariable, Testing } from 'cdktf';
import { addressOf, all, errorOf, harness, minimalProps, only, ref, synth, warningsOf } from './fixtures';
import { WebApiLoadBalancer } from '../../src/cdktf';
import { ELB_LOG_DELIVERY_SERVICE } from '../../src/core/logging/log-delivery';

const policyOf = (tf: any) => JSON.parse(only(tf, 'aws_s3_bucket_policy').policy);

describe('8. access logs to an encrypted, private, TLS-only bucket (Terraform)', () => {
  test('on by default, into a bucket lbkit creates', () => {
    const { tf } = synth();
    expect(only(tf, 'aws_s3_bucket')).toEqual({});
    const bucket = addressOf(tf, 'aws_s3_bucket', 'Api/AccessLogBucket');
    const lb = only(tf, 'aws_lb');
    expect(lb.access_logs).toEqual({ bucket: `\${${bucket}.bucket}`, enabled: true });
    // ELB checks write access when logging is turned on: the load balancer waits for the policy.
    expect(lb.depends_on).toEqual([addressOf(tf, 'aws_s3_bucket_policy', 'Api/AccessLogBucketPolicy')]);
  });

  test('SSE-S3 (AES256) encryption, every public access blocked, 90-day expiry', () => {
    const { tf } = synth();
    const id = ref(tf, 'aws_s3_bucket', 'Api/AccessLogBucket', 'id');
    expect(only(tf, 'aws_s3_bucket_server_side_encryption_configuration')).toEqual({
      bucket: id, rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
    });
    expect(only(tf, 'aws_s3_bucket_public_access_block')).toEqual({
      bucket: id, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(only(tf, 'aws_s3_bucket_lifecycle_configuration')).toEqual({
      bucket: id, rule: [{ id: 'expire-access-logs', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ days: 90 }] }],
    });
    expect(only(tf, 'aws_s3_bucket_policy').depends_on).toEqual([addressOf(tf, 'aws_s3_bucket_public_access_block', 'Api/AccessLogBucketPublicAccessBlock')]);
  });

  test('the policy denies non-TLS access and lets the eu-west-1 ELB account write under AWSLogs/ (and the connection logs\')', () => {
    const { tf } = synth();
    const arn = ref(tf, 'aws_s3_bucket', 'Api/AccessLogBucket', 'arn');
    expect(policyOf(tf)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [arn, `${arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Sid: 'AllowElbLogDelivery',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::156460612806:root' },
          Action: 's3:PutObject',
          Resource: [`${arn}/AWSLogs/*/*`, `${arn}/connection-logs/AWSLogs/*/*`],
        },
      ],
    });
  });

  test('prefix, account id and expiration are honoured', () => {
    const { tf } = synth({ accessLogs: { prefix: 'alb', expirationDays: 30 }, accountId: '111111111111' });
    expect(only(tf, 'aws_lb').access_logs.prefix).toBe('alb');
    expect(only(tf, 'aws_s3_bucket_lifecycle_configuration').rule[0].expiration).toEqual([{ days: 30 }]);
    const arn = ref(tf, 'aws_s3_bucket', 'Api/AccessLogBucket', 'arn');
    expect(policyOf(tf).Statement[1].Resource).toEqual([`${arn}/alb/AWSLogs/111111111111/*`, `${arn}/alb/connection-logs/AWSLogs/111111111111/*`]);
  });

  test('regions opened after 2022 deliver as the ELB service principal, limited to the account', () => {
    const { tf } = synth({ accountId: '111111111111' }, 'ap-southeast-3');
    const grant = policyOf(tf).Statement[1];
    expect(grant.Principal).toEqual({ Service: ELB_LOG_DELIVERY_SERVICE });
    expect(grant.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '111111111111' } });
  });

  test('other partitions get their own principal ARN', () => {
    expect(policyOf(synth({}, 'cn-north-1').tf).Statement[1].Principal).toEqual({ AWS: 'arn:aws-cn:iam::638102146993:root' });
    expect(policyOf(synth({}, 'us-gov-west-1').tf).Statement[1].Principal).toEqual({ AWS: 'arn:aws-us-gov:iam::048591011584:root' });
  });

  test('the region prop wins over the provider', () => {
    expect(policyOf(synth({ region: 'us-east-1' }, 'eu-west-1').tf).Statement[1].Principal).toEqual({ AWS: 'arn:aws:iam::127311923021:root' });
  });

  test('without a region from prop or provider, a managed bucket is refused with a clear error', () => {
    expect(errorOf({}, harness(null))).toBe(
      'Stack/Api: region is needed to grant the region\'s ELB log-delivery principal on the access-log bucket; set it, or create the stack\'s '
      + 'AwsProvider with a literal region before this construct (or give accessLogBucketName, or turn access logs off) '
      + '(received: "no default AwsProvider in the stack")');
    const h = harness(null);
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps({ region: 'eu-west-1' }));
    expect(() => Testing.synth(h.stack)).not.toThrow();
  });

  test('a region that is a Terraform reference, or only an aliased provider, is not guessed from', () => {
    const variable = harness(null);
    new AwsProvider(variable.stack, 'aws', { region: new TerraformVariable(variable.stack, 'region', {}).stringValue });
    expect(errorOf({}, variable)).toMatch(/^Stack\/Api: region is needed to grant the region's ELB log-delivery principal .* \(received: "\$\{TfToken\[TOKEN\.\d+\]\}"\)$/);
    const aliased = harness(null);
    new AwsProvider(aliased.stack, 'us', { region: 'us-east-1', alias: 'us' });
    expect(errorOf({}, aliased)).toMatch(/^Stack\/Api: region is needed .* \(received: "no default AwsProvider in the stack"\)$/);
    expect(errorOf({ region: '${var.region}' }, harness(null))).toMatch(
      /^Stack\/Api: region must be a literal region such as "eu-west-1", not a Terraform reference/);
  });

  test('a region that is not shaped like one is refused', () => {
    expect(errorOf({ region: 'Ireland' })).toBe('Stack/Api: region must be an AWS region name such as "eu-west-1" (received: "Ireland")');
  });

  test('a given bucket is used as is: no bucket, no policy', () => {
    const { tf } = synth({ accessLogBucketName: 'my-logs', accessLogs: { prefix: 'api' }, dashboard: false }, null); // the dashboard would need a region
    expect(only(tf, 'aws_lb').access_logs).toEqual({ bucket: 'my-logs', prefix: 'api', enabled: true });
    expect(all(tf, 'aws_s3_bucket')).toEqual([]);
    expect(all(tf, 'aws_s3_bucket_policy')).toEqual([]);
    expect(only(tf, 'aws_lb').depends_on).toBeUndefined();
  });

  test('turning logs off removes the block and the bucket, with a warning', () => {
    const { tf, lb } = synth({ accessLogs: { enabled: false } });
    expect(only(tf, 'aws_lb').access_logs).toBeUndefined();
    expect(all(tf, 'aws_s3_bucket')).toEqual([]);
    expect(warningsOf(lb)).toContainEqual(expect.stringMatching(/^\[lbkit:accessLogsDisabled\] /));
  });

  test('a prefix with AWSLogs or slashes at the edges is refused', () => {
    expect(errorOf({ accessLogs: { prefix: '/logs' } })).toBe(
      'Stack/Api: accessLogs.prefix must not start or end with "/" nor contain "AWSLogs" (received: "/logs")');
  });
});
