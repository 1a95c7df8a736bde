import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { readSynthesized } from '../../src/readers';
import { CDKTN, CLOUDFORMATION, EngineOptions, modelDifferences, TERRAFORM } from '../support/engines';

// The seam (src/cdktn/provider-support.ts): hashicorp/aws 6.x has `aws_lb.health_check_logs`, so lbkit/cdktn
// writes ALB health-check logs where lbkit/cdktf (5.100.0) refuses them. The rest of cdktn's output is cdktf's
// (parity.test.ts), so this is what cdktn must be tested for on its own.

const API: EngineOptions = {
  certificateArns: ['arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555'],
  routes: [{ name: 'api', paths: ['/api/*'], port: 8080 }],
};
const WITH_LOGS: EngineOptions = { ...API, healthCheckLogs: { enabled: true } };

const onlyOf = (tf: any, type: string) => {
  const all = Object.values(tf.resource[type] ?? {}) as any[];
  expect(all).toHaveLength(1);
  return all[0];
};
const bucketAddress = (tf: any) => `aws_s3_bucket.${Object.keys(tf.resource.aws_s3_bucket)[0]}`;

describe('health-check logs on cdktn (hashicorp/aws 6.x)', () => {
  const cdktn = CDKTN.synth(WITH_LOGS);

  test('an ALB writes health_check_logs into the access-log bucket, under health-check-logs/, and grants the delivery', () => {
    const bucket = bucketAddress(cdktn.output);
    expect(onlyOf(cdktn.output, 'aws_lb').health_check_logs).toEqual({ bucket: `\${${bucket}.bucket}`, prefix: 'health-check-logs', enabled: true });
    const policy = JSON.parse(onlyOf(cdktn.output, 'aws_s3_bucket_policy').policy);
    expect(policy.Statement[1].Resource).toContain(`\${${bucket}.arn}/health-check-logs/AWSLogs/111111111111/*`);
  });

  test('the Terraform reader reads them back as planned, with nothing unmodeled', () => {
    const read = readSynthesized(cdktn.output);
    expect(read.unmodeled).toEqual([]);
    expect(cdktn.model.healthCheckLogs).toEqual({ enabled: true, prefix: 'health-check-logs' });
    expect(modelDifferences(normalizeModel(cdktn.plan.model), normalizeModel(cdktn.model))).toEqual([]);
  });

  test('CloudFormation reads as the same model', () => {
    const cfn = CLOUDFORMATION.synth(WITH_LOGS);
    expect(modelDifferences(normalizeModel(cfn.model), normalizeModel(cdktn.model), 'read(cloudformation) ≠ read(cdktn) at')).toEqual([]);
  });

  test('a given bucket and prefix are written as given; off (the default), no block', () => {
    const given = CDKTN.synth({ ...API, accessLogBucketName: 'my-logs', healthCheckLogs: { enabled: true, prefix: 'checks' }, dashboard: false });
    expect(onlyOf(given.output, 'aws_lb').health_check_logs).toEqual({ bucket: 'my-logs', prefix: 'checks', enabled: true });
    expect(given.model.healthCheckLogs).toEqual({ enabled: true, prefix: 'checks' });
    const off = CDKTN.synth(API);
    expect(onlyOf(off.output, 'aws_lb').health_check_logs).toBeUndefined();
    expect(off.model.healthCheckLogs).toEqual({ enabled: false });
  });

  test('cdktf (hashicorp/aws 5.100.0) refuses them and names lbkit/cdktn', () => {
    expect(() => TERRAFORM.synth(WITH_LOGS)).toThrow(
      'Api: healthCheckLogs.enabled is true but the Terraform AWS provider lbkit pins, hashicorp/aws 5.100.0 (@cdktf/provider-aws 20.1.0), '
      + 'has no aws_lb argument for health-check logs; turn them on with the CloudFormation engine or lbkit/cdktn (hashicorp/aws 6.x), or leave them off');
  });
});
