import { Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Annotations, attributes, errorOf, harness, minimalProps, only, synth, Template } from './fixtures';
import { WebApiLoadBalancer } from '../../src/aws-cdk';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

const bucketId = (template: Template): string => Object.keys(template.findResources('AWS::S3::Bucket'))[0];
const lbAttributes = (template: Template) => attributes(only(template, LB).LoadBalancerAttributes);
const deliveryResources = (template: Template): unknown => {
  const policy = only(template, 'AWS::S3::BucketPolicy');
  return policy.PolicyDocument.Statement.find((s: any) => s.Sid === 'ElbAccessLogDelivery').Resource;
};
const objects = (id: string, key: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, key]] });

describe('8b. connection and health-check logs (CloudFormation)', () => {
  test('connection logs are on with access logs, into the same bucket under connection-logs/', () => {
    const { template } = synth();
    const id = bucketId(template);
    const attrs = lbAttributes(template);
    expect(attrs['connection_logs.s3.enabled']).toBe('true');
    expect(attrs['connection_logs.s3.bucket']).toEqual({ Ref: id });
    expect(attrs['connection_logs.s3.prefix']).toBe('connection-logs');
    expect(attrs['health_check_logs.s3.enabled']).toBeUndefined();
    expect(deliveryResources(template)).toEqual([objects(id, '/AWSLogs/111111111111/*'), objects(id, '/connection-logs/AWSLogs/111111111111/*')]);
  });

  test('their prefix follows the access-log prefix, or is the one given', () => {
    expect(lbAttributes(synth({ accessLogs: { prefix: 'web' } }).template)['connection_logs.s3.prefix']).toBe('web/connection-logs');
    const { template } = synth({ accessLogs: { prefix: 'web' }, connectionLogs: { prefix: 'conn' } });
    expect(lbAttributes(template)['connection_logs.s3.prefix']).toBe('conn');
    const id = bucketId(template);
    expect(deliveryResources(template)).toEqual([objects(id, '/web/AWSLogs/111111111111/*'), objects(id, '/conn/AWSLogs/111111111111/*')]);
  });

  test('turned off, nothing is written (AWS\'s default is off), the grant covers the access logs only, and a warning', () => {
    const { h, template } = synth({ connectionLogs: { enabled: false } });
    Annotations.fromStack(h.stack).hasWarning('/Stack/Api', Match.stringLikeRegexp('lbkit:connectionLogsDisabled'));
    const attrs = lbAttributes(template);
    expect(Object.keys(attrs).filter((k) => k.startsWith('connection_logs'))).toEqual([]);
    expect(deliveryResources(template)).toEqual(objects(bucketId(template), '/AWSLogs/111111111111/*'));
  });

  test('with access logs off they are off too, and asking for them is refused', () => {
    const attrs = lbAttributes(synth({ accessLogs: { enabled: false } }).template);
    expect(Object.keys(attrs).filter((k) => k.startsWith('connection_logs') || k.startsWith('health_check_logs'))).toEqual([]);
    expect(errorOf({ accessLogs: { enabled: false }, connectionLogs: { enabled: true } })).toBe(
      'Stack/Api: connectionLogs.enabled is true but access logs are off: these logs go to the access-log bucket (turn accessLogs on, or this off) (received: true)');
  });

  test('health-check logs on: written to the same bucket under health-check-logs/, and granted', () => {
    const { template } = synth({ healthCheckLogs: { enabled: true } });
    const id = bucketId(template);
    const attrs = lbAttributes(template);
    expect(attrs['health_check_logs.s3.enabled']).toBe('true');
    expect(attrs['health_check_logs.s3.bucket']).toEqual({ Ref: id });
    expect(attrs['health_check_logs.s3.prefix']).toBe('health-check-logs');
    expect(deliveryResources(template)).toEqual([
      objects(id, '/AWSLogs/111111111111/*'),
      objects(id, '/connection-logs/AWSLogs/111111111111/*'),
      objects(id, '/health-check-logs/AWSLogs/111111111111/*'),
    ]);
  });

  test('an imported bucket gets every log type, and no policy', () => {
    const h = harness();
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
      accessLogBucket: s3.Bucket.fromBucketName(h.stack, 'Logs', 'central-logs'), healthCheckLogs: { enabled: true },
    }));
    const template = Template.fromStack(h.stack);
    template.resourceCountIs('AWS::S3::BucketPolicy', 0);
    const attrs = lbAttributes(template);
    expect([attrs['connection_logs.s3.bucket'], attrs['health_check_logs.s3.bucket']]).toEqual(['central-logs', 'central-logs']);
  });

  test('bad prefixes, and a prefix for logs that are off, are refused', () => {
    expect(errorOf({ connectionLogs: { prefix: 'x/AWSLogs' } })).toBe(
      'Stack/Api: connectionLogs.prefix must not be empty, start or end with "/" nor contain "AWSLogs" (received: "x/AWSLogs")');
    expect(errorOf({ healthCheckLogs: { prefix: 'hc' } })).toBe('Stack/Api: healthCheckLogs.prefix is set while healthCheckLogs.enabled is false (received: "hc")');
  });
});
