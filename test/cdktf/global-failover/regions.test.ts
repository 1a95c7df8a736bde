import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { gfProps, harness, recordsBySet, ref, thrownBy } from './fixtures';
import { GlobalFailover, TcpServiceLoadBalancer, WebApiLoadBalancer } from '../../../src/cdktf';
import { FailoverRole } from '../../../src/core';
import { minimalProps, TfJson } from '../fixtures';
import { minimalProps as minimalTcpProps } from '../tcp-service/fixtures';

/** Every resource's `provider` argument, as `<type>.<name>` → provider (undefined: the default). */
function providers(tf: TfJson): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(tf.resource).flatMap(([type, resources]) =>
    Object.entries(resources).map(([name, body]) => [`${type}.${name}`, (body as any).provider])));
}

function bucketPolicy(tf: TfJson, prefix: string): any {
  const [body] = Object.entries(tf.resource.aws_s3_bucket_policy).filter(([k]) => k.startsWith(prefix)).map(([, v]) => v as any);
  return JSON.parse(body.policy);
}

/** A one-stack, two-region app: default provider us-east-1, alias eu-west-1. */
function twoRegions() {
  const h = harness('us-east-1');
  const eu = new AwsProvider(h.stack, 'aws-eu-west-1', { region: 'eu-west-1', alias: 'eu-west-1' });
  return { h, eu };
}

describe('5. one stack, a provider alias per region (Terraform)', () => {
  test('every resource of a WebApiLoadBalancer given an aliased provider uses it; the other load balancer keeps the default', () => {
    const { h, eu } = twoRegions();
    const euLb = new WebApiLoadBalancer(h.stack, 'Eu', minimalProps({ provider: eu }));
    const usLb = new WebApiLoadBalancer(h.stack, 'Us', minimalProps());
    new GlobalFailover(h.stack, 'Global', gfProps({
      endpoints: [
        { name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: euLb },
        { name: 'us', role: FailoverRole.SECONDARY, loadBalancer: usLb },
      ],
    }));
    const tf = JSON.parse(Testing.synth(h.stack));
    const byResource = Object.entries(providers(tf));
    const eus = byResource.filter(([k]) => k.split('.')[1].startsWith('Eu_'));
    expect(eus.length).toBeGreaterThan(10);
    expect(eus.filter(([, p]) => p !== 'aws.eu-west-1')).toEqual([]);
    expect(byResource.filter(([k]) => !k.split('.')[1].startsWith('Eu_')).filter(([, p]) => p !== undefined)).toEqual([]);
    expect(tf.provider.aws).toEqual([{ region: 'us-east-1' }, { alias: 'eu-west-1', region: 'eu-west-1' }]);
    // The global records point at the eu-west-1 load balancer across providers in the one stack.
    expect(recordsBySet(tf)['eu/A'].alias.name).toBe(ref(tf, 'aws_lb', 'Eu/LoadBalancer', 'dns_name'));
  });

  test('the access-log bucket policy grants the log-delivery principal of the provider\'s region', () => {
    const { h, eu } = twoRegions();
    new WebApiLoadBalancer(h.stack, 'Eu', minimalProps({ provider: eu }));
    new WebApiLoadBalancer(h.stack, 'Us', minimalProps());
    const tf = JSON.parse(Testing.synth(h.stack));
    expect(bucketPolicy(tf, 'Eu_').Statement[1].Principal).toEqual({ AWS: 'arn:aws:iam::156460612806:root' }); // eu-west-1 ELB account
    expect(bucketPolicy(tf, 'Us_').Statement[1].Principal).toEqual({ AWS: 'arn:aws:iam::127311923021:root' }); // us-east-1
  });

  test('the region prop still wins; a provider whose region is not a literal is refused rather than guessed from the default', () => {
    const { h, eu } = twoRegions();
    new WebApiLoadBalancer(h.stack, 'Eu', minimalProps({ provider: eu, region: 'us-east-1' }));
    expect(bucketPolicy(JSON.parse(Testing.synth(h.stack)), 'Eu_').Statement[1].Principal).toEqual({ AWS: 'arn:aws:iam::127311923021:root' });

    const v = harness('us-east-1');
    const variable = new AwsProvider(v.stack, 'var', { region: new TerraformVariable(v.stack, 'region', {}).stringValue, alias: 'var' });
    expect(thrownBy(() => new WebApiLoadBalancer(v.stack, 'Api', minimalProps({ provider: variable })))).toMatch(
      /^Stack\/Api: region is needed to grant the region's ELB log-delivery principal on the access-log bucket; set it, or give the construct's provider a literal region .* \(received: "\$\{TfToken\[TOKEN\.\d+\]\}"\)$/);
  });

  test('a TcpServiceLoadBalancer takes the provider the same way (NLB log delivery, Elastic IPs included)', () => {
    const { h, eu } = twoRegions();
    new TcpServiceLoadBalancer(h.stack, 'Nlb', minimalTcpProps({ provider: eu, elasticIps: true }));
    const tf = JSON.parse(Testing.synth(h.stack));
    expect(Object.values(providers(tf)).every((p) => p === 'aws.eu-west-1')).toBe(true);
    expect(Object.keys(tf.resource.aws_eip)).toHaveLength(2);
  });

  test('GlobalFailover takes a provider for its records, health checks and alarms', () => {
    const h = harness('eu-west-1');
    const us = new AwsProvider(h.stack, 'aws-us-east-1', { region: 'us-east-1', alias: 'us-east-1' });
    new GlobalFailover(h.stack, 'Global', gfProps({ provider: us }));
    const tf = JSON.parse(Testing.synth(h.stack));
    expect(Object.keys(tf.resource).sort()).toEqual(['aws_cloudwatch_metric_alarm', 'aws_route53_health_check', 'aws_route53_record']);
    expect(new Set(Object.values(providers(tf)))).toEqual(new Set(['aws.us-east-1']));
  });

  test('without a provider, nothing names one (the output is the same as before the option)', () => {
    const h = harness('eu-west-1');
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps());
    new GlobalFailover(h.stack, 'Global', gfProps());
    expect(Object.values(providers(JSON.parse(Testing.synth(h.stack)))).filter((p) => p !== undefined)).toEqual([]);
  });
});

describe('5b. a stack per region also works (cdktf cross-stack references)', () => {
  test('the global stack reads the regional load balancer\'s DNS name and zone id from its stack\'s outputs', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'lbkit-gf-stacks-'));
    const app = new App({ outdir });
    const regional = new TerraformStack(app, 'Eu');
    new AwsProvider(regional, 'aws', { region: 'eu-west-1' });
    const lb = new WebApiLoadBalancer(regional, 'Api', minimalProps());
    const global = new TerraformStack(app, 'Global');
    new AwsProvider(global, 'aws', { region: 'us-east-1' });
    new GlobalFailover(global, 'Global', gfProps({
      endpoints: [{ name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: lb }, { ...gfProps().endpoints[1] }],
    }));
    app.synth();
    const tf = JSON.parse(readFileSync(join(outdir, 'stacks', 'Global', 'cdk.tf.json'), 'utf8'));
    rmSync(outdir, { recursive: true, force: true });
    const alias = recordsBySet(tf)['eu/A'].alias;
    expect(alias.name).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-Eu\.outputs\.[\w-]+\}$/);
    expect(alias.zone_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-Eu\.outputs\.[\w-]+\}$/);
  });
});
