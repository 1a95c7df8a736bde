import { Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Annotations, attributes, errorOf, harness, minimalProps, only, synth, Template } from './fixtures';
import { WebApiLoadBalancer } from '../../src/aws-cdk';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

function bucketId(template: Template): string {
  return Object.keys(template.findResources('AWS::S3::Bucket'))[0];
}

describe('8. access logs', () => {
  test('on by default, into a new SSE-S3, private, lifecycle-expiring bucket', () => {
    const { template } = synth();
    const bucket = template.findResources('AWS::S3::Bucket');
    expect(Object.values(bucket)).toHaveLength(1);
    const b = Object.values(bucket)[0] as any;
    expect(b.Properties.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(b.Properties.LifecycleConfiguration).toEqual({ Rules: [{ ExpirationInDays: 90, Status: 'Enabled' }] });
    const attrs = attributes(only(template, LB).LoadBalancerAttributes);
    expect(attrs['access_logs.s3.enabled']).toBe('true');
    expect(attrs['access_logs.s3.bucket']).toEqual({ Ref: bucketId(template) });
    expect(attrs['access_logs.s3.prefix']).toBeUndefined();
  });

  test('the policy denies non-TLS access and lets the region\'s ELB account write under AWSLogs/<account>/ (and the connection logs\'); the LB waits for it', () => {
    const { template } = synth({ accessLogs: { prefix: 'web', expirationDays: 30 } });
    const id = bucketId(template);
    const policies = template.findResources('AWS::S3::BucketPolicy');
    const [policyId, policy] = Object.entries(policies)[0] as [string, any];
    expect(policy.Properties.Bucket).toEqual({ Ref: id });
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      {
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        Resource: [{ 'Fn::GetAtt': [id, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, '/*']] }],
      },
      {
        Sid: 'ElbAccessLogDelivery',
        Effect: 'Allow',
        Action: 's3:PutObject',
        Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::156460612806:root']] } },
        Resource: [
          { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, '/web/AWSLogs/111111111111/*']] },
          { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, '/web/connection-logs/AWSLogs/111111111111/*']] },
        ],
      },
    ]);
    template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [{ ExpirationInDays: 30, Status: 'Enabled' }] } });
    const lb = Object.values(template.findResources(LB))[0] as any;
    expect(lb.DependsOn).toEqual([policyId]);
    expect(attributes(lb.Properties.LoadBalancerAttributes)['access_logs.s3.prefix']).toBe('web');
  });

  test('a region opened after the ELB accounts gets the log-delivery service principal', () => {
    const { template } = synth({}, 'ap-southeast-3');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }, Action: 's3:PutObject' })]) },
    });
  });

  test('an env-agnostic stack is refused: the principal depends on the region', () => {
    const h = harness(null);
    expect(errorOf({}, h)).toBe('Stack/Api: accessLogs need a stack with an explicit region (env: { region }) to grant that region\'s '
      + 'ELB log-delivery principal; or pass accessLogBucket with a policy you manage, or set accessLogs.enabled to false (received: "AWS::Region (env-agnostic stack)")');
  });

  test('an env-agnostic stack works with logs off or an imported bucket', () => {
    const off = harness(null);
    new WebApiLoadBalancer(off.stack, 'Api', minimalProps(off, { accessLogs: { enabled: false } }));
    const imported = harness(null);
    new WebApiLoadBalancer(imported.stack, 'Api', minimalProps(imported, { accessLogBucket: s3.Bucket.fromBucketName(imported.stack, 'Logs', 'central-logs') }));
    expect(attributes(only(Template.fromStack(imported.stack), LB).LoadBalancerAttributes)['access_logs.s3.bucket']).toBe('central-logs');
  });

  test('an imported bucket is used as is: no bucket, no policy', () => {
    const h = harness();
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, { accessLogBucket: s3.Bucket.fromBucketName(h.stack, 'Logs', 'central-logs') }));
    const template = Template.fromStack(h.stack);
    template.resourceCountIs('AWS::S3::Bucket', 0);
    template.resourceCountIs('AWS::S3::BucketPolicy', 0);
    const attrs = attributes(only(template, LB).LoadBalancerAttributes);
    expect(attrs['access_logs.s3.enabled']).toBe('true');
    expect(attrs['access_logs.s3.bucket']).toBe('central-logs');
  });

  test('a bucket of this app gets the delivery grant in its policy, and the LB waits for it', () => {
    const h = harness();
    const logs = new s3.Bucket(h.stack, 'Logs', { enforceSSL: true });
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, { accessLogBucket: logs }));
    const template = Template.fromStack(h.stack);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    const [policyId] = Object.keys(template.findResources('AWS::S3::BucketPolicy'));
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'ElbAccessLogDelivery', Action: 's3:PutObject' })]) },
    });
    expect((Object.values(template.findResources(LB))[0] as any).DependsOn).toEqual([policyId]);
  });

  test('turned off: attribute false, no bucket, and a warning', () => {
    const { h, template } = synth({ accessLogs: { enabled: false } });
    template.resourceCountIs('AWS::S3::Bucket', 0);
    const attrs = attributes(only(template, LB).LoadBalancerAttributes);
    expect(attrs['access_logs.s3.enabled']).toBe('false');
    expect(attrs['access_logs.s3.bucket']).toBeUndefined();
    Annotations.fromStack(h.stack).hasWarning('/Stack/Api', Match.stringLikeRegexp('lbkit:accessLogsDisabled'));
  });

  test('a bad prefix is refused', () => {
    expect(errorOf({ accessLogs: { prefix: 'AWSLogs/x' } })).toContain('Stack/Api: accessLogs.prefix must not start or end with "/" nor contain "AWSLogs"');
  });
});
