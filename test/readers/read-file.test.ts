import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cfnTemplate, tfConfig } from './fixtures';
import { detectEngine, LbkitConfigError, readCloudFormation, readSynthesizedFile, readTerraform } from '../../src/readers';

const dir = mkdtempSync(join(tmpdir(), 'lbkit-read-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The LbkitConfigError thrown by fn (fails otherwise). */
function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LbkitConfigError);
    const message = (e as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error('expected an LbkitConfigError');
}

describe('readSynthesizedFile', () => {
  test('detects a CloudFormation template', () => {
    const result = readSynthesizedFile(file('Stack.template.json', cfnTemplate()));
    expect(result.engine).toBe('cloudformation');
    expect(result.models.map((m) => m.name)).toEqual(['Api']);
  });

  test('detects Terraform JSON', () => {
    const result = readSynthesizedFile(file('cdk.tf.json', tfConfig()));
    expect(result.engine).toBe('terraform');
    expect(result.models.map((m) => m.name)).toEqual(['Api']);
  });

  test('detectEngine by top-level keys', () => {
    expect(detectEngine({ AWSTemplateFormatVersion: '2010-09-09', Resources: {} })).toBe('cloudformation');
    expect(detectEngine({ terraform: {}, resource: {} })).toBe('terraform');
    expect(detectEngine({ terraform: {} })).toBe('terraform');
    expect(detectEngine([])).toBeUndefined();
    expect(detectEngine({ foo: 1 })).toBeUndefined();
  });

  test('a missing file', () => {
    const path = join(dir, 'nope.json');
    expect(configError(() => readSynthesizedFile(path))).toBe(`${path}: cannot read (no such file)`);
  });

  test('a directory', () => {
    expect(configError(() => readSynthesizedFile(dir))).toBe(`${dir}: cannot read (is a directory)`);
  });

  test('not JSON', () => {
    const path = file('broken.json', '{ "Resources": ');
    expect(configError(() => readSynthesizedFile(path))).toMatch(new RegExp(`^${path}: not JSON \\(.+\\)$`));
  });

  test.each([
    ['an array', []],
    ['an unrelated object', { name: 'lbkit', version: '1.0.0' }],
    ['a string', 'hello'],
  ])('JSON that is neither format: %s', (_, content) => {
    const path = file('other.json', JSON.stringify(content));
    expect(configError(() => readSynthesizedFile(path)))
      .toBe(`${path}: neither a CloudFormation template (no "Resources") nor Terraform JSON (no "resource" or "terraform")`);
  });

  test('a template without a load balancer', () => {
    const path = file('empty.template.json', { Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } });
    expect(configError(() => readSynthesizedFile(path)))
      .toBe(`${path}: CloudFormation template: no application or network load balancer found (expected an AWS::ElasticLoadBalancingV2::LoadBalancer or aws_lb resource)`);
  });

  test('Terraform JSON without resources', () => {
    const path = file('empty.tf.json', { terraform: { required_providers: {} } });
    expect(configError(() => readSynthesizedFile(path))).toMatch(/Terraform configuration: no application or network load balancer found/);
  });
});

describe('unsupported input', () => {
  test('only a gateway load balancer', () => {
    const c = tfConfig();
    c.resource = { aws_lb: { gwlb: { load_balancer_type: 'gateway' } } };
    expect(configError(() => readTerraform(c)))
      .toBe('Terraform configuration: no application or network load balancer found, only aws_lb.gwlb (gateway), which lbkit does not read');
  });

  test.each(['TCP', 'TLS', 'UDP'])('an application load balancer listener with protocol %s (CloudFormation)', (protocol) => {
    const t = cfnTemplate();
    t.Resources.HttpListener.Properties.Protocol = protocol;
    expect(configError(() => readCloudFormation(t)))
      .toBe(`CloudFormation template: listener HttpListener on port 80 uses protocol ${protocol}; an application load balancer is read with HTTP and HTTPS listeners only`);
  });

  test('an application load balancer listener with protocol TCP (Terraform)', () => {
    const c = tfConfig();
    c.resource.aws_lb_listener.http.protocol = 'TCP';
    expect(configError(() => readTerraform(c))).toMatch(/listener aws_lb_listener\.http on port 80 uses protocol TCP/);
  });

  test('an authenticate action on a listener\'s default action (the model has sign-in on rules only)', () => {
    const t = cfnTemplate();
    t.Resources.HttpsListener.Properties.DefaultActions.unshift({ Type: 'authenticate-oidc', Order: 1, AuthenticateOidcConfig: {} });
    expect(configError(() => readCloudFormation(t))).toMatch(/listener HttpsListener: unsupported action type "authenticate-oidc"/);
  });

  test('two sign-in actions, or one after the terminal action, on a rule', () => {
    const auth = { Type: 'authenticate-cognito', AuthenticateCognitoConfig: { UserPoolArn: 'arn', UserPoolClientId: 'id', UserPoolDomain: 'd' } };
    const twice = cfnTemplate();
    const forward = twice.Resources.ApiRule.Properties.Actions[0];
    twice.Resources.ApiRule.Properties.Actions = [{ ...auth, Order: 1 }, { ...auth, Order: 2 }, { ...forward, Order: 3 }];
    expect(configError(() => readCloudFormation(twice))).toMatch(/listener rule ApiRule: has 3 actions \(authenticate-cognito, authenticate-cognito, forward\); expected an optional sign-in or jwt-validation action/);
    const after = cfnTemplate();
    after.Resources.ApiRule.Properties.Actions = [{ ...after.Resources.ApiRule.Properties.Actions[0], Order: 1 }, { ...auth, Order: 2 }];
    expect(configError(() => readCloudFormation(after))).toMatch(/listener rule ApiRule: has 2 actions \(forward, authenticate-cognito\)/);
  });

  test('two conditions of one kind (ANDed) cannot be held by the model', () => {
    const c = tfConfig();
    c.resource.aws_lb_listener_rule.api.condition.push({ path_pattern: { values: ['/other/*'] } });
    expect(configError(() => readTerraform(c))).toMatch(/listener rule aws_lb_listener_rule\.api: two pathPatterns conditions/);
  });

  test('a condition block holding two kinds', () => {
    const c = tfConfig();
    c.resource.aws_lb_listener_rule.api.condition = [{ path_pattern: { values: ['/a'] }, host_header: { values: ['a'] } }];
    expect(configError(() => readTerraform(c))).toMatch(/must hold exactly one of .* \(found 2\)/);
  });

  test('an unknown condition field', () => {
    const t = cfnTemplate();
    t.Resources.ApiRule.Properties.Conditions.push({ Field: 'client-cert', Values: ['x'] });
    expect(configError(() => readCloudFormation(t))).toMatch(/unsupported condition field "client-cert"/);
  });

  test('a non-numeric port', () => {
    const t = cfnTemplate();
    t.Resources.ApiGroup.Properties.Port = 'eighty';
    expect(configError(() => readCloudFormation(t))).toBe('CloudFormation template: target group ApiGroup Port: expected a number, got "eighty"');
  });

  test('a wide port range in a security group', () => {
    const t = cfnTemplate();
    t.Resources.LbSg.Properties.SecurityGroupIngress.push({ IpProtocol: 'tcp', FromPort: 1000, ToPort: 2000, CidrIp: '10.0.0.0/8' });
    expect(configError(() => readCloudFormation(t))).toMatch(/security group LbSg: opens ports 1000-2000/);
  });

  test('a resource without a Type', () => {
    const t = cfnTemplate();
    t.Resources.Broken = { Properties: {} };
    expect(configError(() => readCloudFormation(t))).toBe('CloudFormation template: resource Broken has no Type');
  });

  test('readCloudFormation on Terraform JSON and readTerraform on a template', () => {
    expect(configError(() => readCloudFormation(tfConfig()))).toBe('not a CloudFormation template: no "Resources" object');
    expect(configError(() => readTerraform(cfnTemplate()))).toBe('not a Terraform JSON configuration: no "resource" or "terraform" object');
  });
});
