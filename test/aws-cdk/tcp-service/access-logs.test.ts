import { Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { attributes, errorOf, harness, LB, minimalProps, only, synth, Template } from './fixtures';
import type { Harness } from './fixtures';
import { TcpServiceLoadBalancer } from '../../../src/aws-cdk';
import { ListenerProtocol } from '../../../src/core';

/** A terminated TLS listener with the harness certificate, plus what the test adds. */
const tls = (extra: object = {}) => (h: Harness) => ({
  certificates: [h.certificate],
  listeners: [{ name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS }],
  ...extra,
});

describe('6c. access logs: on for TLS listeners (the only ones NLBs log)', () => {
  test('with a TLS listener: a new SSE-S3, private, expiring bucket; the log-delivery service may read its ACL and write owner-controlled objects', () => {
    const { template } = synth(tls({ accessLogs: { prefix: 'mqtt', expirationDays: 30 } }));
    const [bucketId, bucket] = Object.entries(template.findResources('AWS::S3::Bucket'))[0] as [string, any];
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: { Rules: [{ ExpirationInDays: 30, Status: 'Enabled' }] },
    });
    const [policyId, policy] = Object.entries(template.findResources('AWS::S3::BucketPolicy'))[0] as [string, any];
    const arn = { 'Fn::GetAtt': [bucketId, 'Arn'] };
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      {
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        Resource: [arn, { 'Fn::Join': ['', [arn, '/*']] }],
      },
      {
        Sid: 'AllowLogDeliveryAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: arn,
        Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
      },
      {
        Sid: 'AllowLogDeliveryWrite',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [arn, '/mqtt/AWSLogs/111111111111/*']] },
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': '111111111111' } },
      },
    ]);
    const lb = Object.values(template.findResources(LB))[0] as any;
    expect(lb.DependsOn).toEqual([policyId]);
    expect(attributes(lb.Properties.LoadBalancerAttributes)).toEqual({
      'load_balancing.cross_zone.enabled': 'true',
      'deletion_protection.enabled': 'true',
      'access_logs.s3.enabled': 'true',
      'access_logs.s3.bucket': { Ref: bucketId },
      'access_logs.s3.prefix': 'mqtt',
    });
  });

  test('the same grant in every region, and in an env-agnostic stack (NLB delivery does not depend on the region)', () => {
    for (const region of ['ap-southeast-3', null]) {
      const { template } = synth(tls(), region);
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowLogDeliveryWrite', Principal: { Service: 'delivery.logs.amazonaws.com' } })]) },
      });
    }
  });

  test('without a TLS listener: off, no bucket, and the cdk-nag ELB2 finding acknowledged with the reason', () => {
    const { template } = synth();
    template.resourceCountIs('AWS::S3::Bucket', 0);
    const lb = Object.values(template.findResources(LB))[0] as any;
    expect(attributes(lb.Properties.LoadBalancerAttributes)['access_logs.s3.enabled']).toBe('false');
    expect(lb.Metadata.cdk_nag.rules_to_suppress).toEqual([{ id: 'AwsSolutions-ELB2', reason: expect.stringContaining('TLS listeners only') }]);
  });

  test('turned off with a TLS listener: off, and not acknowledged (cdk-nag reports it)', () => {
    const { template } = synth(tls({ accessLogs: { enabled: false } }));
    const lb = Object.values(template.findResources(LB))[0] as any;
    expect(attributes(lb.Properties.LoadBalancerAttributes)['access_logs.s3.enabled']).toBe('false');
    expect(lb.Metadata?.cdk_nag).toBeUndefined();
  });

  test('an imported bucket is used as is: no bucket, no policy', () => {
    const { template } = synth((h) => tls({ accessLogBucket: s3.Bucket.fromBucketName(h.stack, 'Logs', 'central-logs') })(h));
    template.resourceCountIs('AWS::S3::Bucket', 0);
    template.resourceCountIs('AWS::S3::BucketPolicy', 0);
    expect(attributes(only(template, LB).LoadBalancerAttributes)['access_logs.s3.bucket']).toBe('central-logs');
  });

  test('a bucket of this app gets the delivery grant, and the load balancer waits for it', () => {
    const h = harness();
    const logs = new s3.Bucket(h.stack, 'Logs', { enforceSSL: true });
    new TcpServiceLoadBalancer(h.stack, 'Game', minimalProps(h, tls({ accessLogBucket: logs })(h)));
    const template = Template.fromStack(h.stack);
    const [policyId] = Object.keys(template.findResources('AWS::S3::BucketPolicy'));
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowLogDeliveryAclCheck' }), Match.objectLike({ Sid: 'AllowLogDeliveryWrite' })]) },
    });
    expect((Object.values(template.findResources(LB))[0] as any).DependsOn).toEqual([policyId]);
  });

  test('logs asked for without a TLS listener are refused: NLBs log nothing else', () => {
    expect(errorOf({ accessLogs: { enabled: true } })).toBe(
      'Stack/Game: accessLogs.enabled is true but NLB access logs record TLS listeners only, and none terminates TLS (received: true)');
  });
});
