import { cfnTemplate, tfConfig } from './fixtures';
import { LoadBalancerModel } from '../../src/core/model/load-balancer-model';
import { LbkitConfigError, readCloudFormation, readTerraform } from '../../src/readers';

/** An ALB's connection and health-check logs (`connection_logs.s3.*`, `health_check_logs.s3.*`) read back by both readers. */

const alb = (models: unknown[]) => models[0] as LoadBalancerModel;
const streams = (m: LoadBalancerModel) => ({ connectionLogs: m.connectionLogs, healthCheckLogs: m.healthCheckLogs });
const configError = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LbkitConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a config error');
};

describe('connection and health-check logs read back', () => {
  test('absent: both off, as at AWS', () => {
    expect(streams(alb(readCloudFormation(cfnTemplate())))).toEqual({ connectionLogs: { enabled: false }, healthCheckLogs: { enabled: false } });
    expect(streams(alb(readTerraform(tfConfig())))).toEqual({ connectionLogs: { enabled: false }, healthCheckLogs: { enabled: false } });
  });

  test('CloudFormation: both attributes into the access-log bucket, with their prefixes', () => {
    const t = cfnTemplate();
    t.Resources.Lb.Properties.LoadBalancerAttributes.push(
      { Key: 'connection_logs.s3.enabled', Value: 'true' },
      { Key: 'connection_logs.s3.bucket', Value: { Ref: 'Logs' } },
      { Key: 'connection_logs.s3.prefix', Value: 'alb/connection-logs' },
      { Key: 'health_check_logs.s3.enabled', Value: true },
      { Key: 'health_check_logs.s3.bucket', Value: { Ref: 'Logs' } },
    );
    expect(streams(alb(readCloudFormation(t)))).toEqual({
      connectionLogs: { enabled: true, prefix: 'alb/connection-logs' },
      healthCheckLogs: { enabled: true },
    });
  });

  test('Terraform: the connection_logs block (a block list reads alike); enabled absent is the provider\'s false', () => {
    const c = tfConfig();
    c.resource.aws_lb.lb.connection_logs = [{ bucket: '${aws_s3_bucket.logs.bucket}', prefix: 'conn', enabled: true }];
    expect(alb(readTerraform(c)).connectionLogs).toEqual({ enabled: true, prefix: 'conn' });
    c.resource.aws_lb.lb.connection_logs = { bucket: '${aws_s3_bucket.logs.bucket}' };
    expect(alb(readTerraform(c)).connectionLogs).toEqual({ enabled: false });
  });

  test('logs written to another bucket than the access logs are refused: the model keeps every log type in one', () => {
    const t = cfnTemplate();
    t.Resources.Lb.Properties.LoadBalancerAttributes.push(
      { Key: 'connection_logs.s3.enabled', Value: 'true' },
      { Key: 'connection_logs.s3.bucket', Value: 'someone-elses-bucket' },
    );
    expect(configError(() => readCloudFormation(t))).toMatch(/load balancer Lb writes connection logs to another bucket than its access logs/);
    const c = tfConfig();
    c.resource.aws_lb.lb.connection_logs = { bucket: 'elsewhere', enabled: true };
    expect(configError(() => readTerraform(c))).toMatch(/writes connection logs to another bucket than its access logs/);
  });
});
