import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type * as ProviderTn from '@cdktn/provider-aws/lib/provider';
import type * as Cdktn from 'cdktn';
import type * as GameTn from '../../examples/game-server-nlb-cdktn/main';
import type * as GlobalTn from '../../examples/global-failover-cdktn/main';
import type * as WebTn from '../../examples/web-api-cdktn/main';
import type * as LbkitTn from '../../src/cdktn';
import { cachedSynth } from '../support/synth-cache';
import { CHECK_TIMEOUT_MS, CheckResult, findProviderMirror, hasTerraform, requireTerraformWhereAsked, runTerraformCheck } from '../support/terraform-check';

// lbkit/cdktn writes stacks that pin hashicorp/aws 6.66.0; the local mirror holds only 5.100.0. So these checks run
// scripts/terraform-check.sh --relax-aws-provider, which validates (and plans) a temporary copy pinned to 5.100.0.
// What is checked here:
//  - a cdktn stack with health-check logs on, end to end (init, validate, plan): health_check_logs, the one 6.x-only
//    argument lbkit writes today, is removed from the copy and printed as "not checked"; everything else is checked
//    by 5.100's schema and plan.
//  - the three cdktn examples (web-api, game-server, global-failover): init and validate only. Their cdk.tf.json is
//    cdktf's but for "//".metadata.version and the pinned provider (a plan of each adds some 15 s of CI; the cdktf
//    examples' plans run in test/cdktf/terraform-check.test.ts).
//  - a stack with 6.x features that cannot be removed without changing what it means (a jwt-validation action, QUIC,
//    a regex condition) or that 5.100 accepts and 6.x rejects (aws_eip.vpc) is refused: each path named, not checked, failed.
//  - without --relax-aws-provider a 6.x stack fails at once, saying why (the strict, cdktf path passes nothing new).
// Never checked here: 6.x's own schema validation, its defaults and its plan; what 6.x removed beyond the few
// arguments scripts/terraform-relax-aws-provider.js knows.

/* eslint-disable @typescript-eslint/no-require-imports */
/** The three cdktn examples and a web API with health-check logs on, synthesized once per content of the sources. */
function synthCdktnStacks(): string {
  return cachedSynth('cdktn-terraform-check', join(tmpdir(), 'lbkit-tf-cdktn-'), (out) => {
    (require('../../examples/web-api-cdktn/main') as typeof WebTn).createApp(join(out, 'web-api')).synth();
    (require('../../examples/game-server-nlb-cdktn/main') as typeof GameTn).createApp(join(out, 'game-server')).synth();
    (require('../../examples/global-failover-cdktn/main') as typeof GlobalTn).createApp(join(out, 'global-failover')).synth();
    const { App, TerraformStack } = require('cdktn') as typeof Cdktn;
    const { AwsProvider } = require('@cdktn/provider-aws/lib/provider') as typeof ProviderTn;
    const { WebApiLoadBalancer } = require('../../src/cdktn') as typeof LbkitTn;
    const app = new App({ outdir: join(out, 'health-check-logs') });
    const stack = new TerraformStack(app, 'health-check-logs');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new WebApiLoadBalancer(stack, 'Api', {
      vpcId: 'vpc-0123456789abcdef0',
      vpcCidrBlock: '10.0.0.0/16',
      subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
      certificateArns: ['arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555'],
      routes: [{ name: 'api', paths: ['/api/*'], port: 8080 }],
      healthCheckLogs: { enabled: true },
    });
    app.synth();
  });
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** A hashicorp/aws 6.x stack using what 5.100 cannot check: a JWT action, QUIC, a regex condition, and aws_eip.vpc. */
function unrelaxableStack(dir: string): string {
  const stackDir = join(dir, 'stacks', 'six-only');
  mkdirSync(stackDir, { recursive: true });
  writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify({
    terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '6.66.0' } } },
    provider: { aws: [{ region: 'eu-west-1' }] },
    resource: {
      aws_eip: { ip: { vpc: true } },
      aws_lb_listener: { quic: { load_balancer_arn: 'arn', port: 443, protocol: 'QUIC', default_action: [{ type: 'forward', target_group_arn: 'arn' }] } },
      aws_lb_listener_rule: {
        jwt: {
          listener_arn: 'arn',
          priority: 1,
          action: [{ type: 'jwt-validation', jwt_validation: { issuer: 'https://issuer.example.com', jwks_endpoint: 'https://issuer.example.com/jwks' } }],
          condition: [{ path_pattern: { regex_values: ['^/v[0-9]+/'] } }],
        },
      },
    },
  }));
  return stackDir;
}

requireTerraformWhereAsked('the cdktn examples');

(hasTerraform ? describe : describe.skip)('terraform validate (and plan), offline, of lbkit/cdktn output relaxed to the mirror\'s AWS provider 5.100.0', () => {
  const dirs: string[] = [];
  const checks = new Map<string, Promise<CheckResult>>();

  beforeAll(() => {
    const pluginDir = findProviderMirror();
    const out = synthCdktnStacks();
    const other = mkdtempSync(join(tmpdir(), 'lbkit-tf-six-only-'));
    dirs.push(out, other);
    const stackDir = (name: string) => join(out, name, 'stacks', name);
    const runs: Array<[string, string[]]> = [
      ['health-check-logs', ['--relax-aws-provider', stackDir('health-check-logs')]],
      ...['web-api', 'game-server', 'global-failover'].map((name): [string, string[]] => [name, ['--relax-aws-provider', '--validate-only', stackDir(name)]]),
      ['six-only', ['--relax-aws-provider', unrelaxableStack(other)]],
      ['strict', [stackDir('web-api')]],
    ];
    for (const [name, args] of runs) {
      const run = runTerraformCheck(args, pluginDir);
      run.catch(() => undefined); // a spawn error is reported by the test that awaits this check
      checks.set(name, run);
    }
    healthCheckLogsStack = JSON.parse(readFileSync(join(stackDir('health-check-logs'), 'cdk.tf.json'), 'utf8'));
  });

  let healthCheckLogsStack: any;

  afterAll(async () => {
    await Promise.allSettled(checks.values());
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function passed(name: string): Promise<string> {
    const result = await checks.get(name)!;
    if (result.status !== 0) throw new Error(`terraform-check failed on ${name}:\n${result.output}`);
    return result.output;
  }

  test('a stack with health-check logs on passes init, validate and plan with health_check_logs removed from the copy and named as not checked', async () => {
    const [lbName] = Object.keys(healthCheckLogsStack.resource.aws_lb);
    expect(healthCheckLogsStack.resource.aws_lb[lbName].health_check_logs).toMatchObject({ enabled: true });
    const output = await passed('health-check-logs');
    expect(output).toContain('terraform-check: health-check-logs: relaxed: terraform.required_providers.aws.version 6.66.0 -> 5.100.0');
    expect(output).toContain(`terraform-check: health-check-logs: not checked: aws_lb.${lbName}.health_check_logs (hashicorp/aws 6.x only`);
    expect(output).toMatch(/terraform-check: ok health-check-logs \(hashicorp\/aws 6\.66\.0 checked against 5\.100\.0, 1 6\.x-only paths not checked; Plan: \d+ to add, 0 to change, 0 to destroy\./);
  }, CHECK_TIMEOUT_MS + 30_000);

  test.each(['web-api', 'game-server', 'global-failover'])('the cdktn %s example passes init and validate, relaxed, with nothing removed', async (name) => {
    const output = await passed(name);
    expect(output).not.toContain('not checked:');
    expect(output).toContain(`terraform-check: ok ${name} (hashicorp/aws 6.66.0 checked against 5.100.0, 0 6.x-only paths not checked; validate only, no plan;`);
  }, CHECK_TIMEOUT_MS + 30_000);

  test('a stack with 6.x features that cannot be removed is refused, each path named, and fails unchecked', async () => {
    const result = await checks.get('six-only')!;
    expect(result.status).not.toBe(0);
    for (const path of ['aws_eip.ip.vpc', 'aws_lb_listener.quic.protocol = QUIC', 'aws_lb_listener_rule.jwt.action[0]', 'aws_lb_listener_rule.jwt.condition[0].path_pattern.regex_values']) {
      expect(result.output).toContain(`terraform-check: REFUSED six-only: ${path}`);
    }
    expect(result.output).toContain('terraform-check: FAILED six-only: uses hashicorp/aws 6.x features the mirror\'s 5.100.0 cannot check');
    expect(result.output).not.toContain('terraform-check: ok');
  }, CHECK_TIMEOUT_MS + 30_000);

  test('without --relax-aws-provider a 6.x stack fails at once, naming the flag', async () => {
    const result = await checks.get('strict')!;
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('terraform-check: FAILED web-api: it pins hashicorp/aws 6.66.0 and the mirror holds 5.100.0; for lbkit/cdktn output run with --relax-aws-provider');
  }, CHECK_TIMEOUT_MS + 30_000);
});

// The relaxing step alone (no terraform): every 6.x-only argument it removes is named, and nothing else is touched.
test('relaxing a 6.x stack removes exactly the 6.x-only arguments, naming each, and pins the mirror\'s version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-tf-relax-'));
  try {
    const file = join(dir, 'cdk.tf.json');
    const kept = { name: 'api', port: 8080, protocol: 'HTTP' };
    writeFileSync(file, JSON.stringify({
      terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '6.66.0' } } },
      provider: { aws: [{ region: 'eu-west-1' }] },
      resource: {
        aws_lb: { lb: { name: 'lb', region: 'us-east-1', health_check_logs: { bucket: 'b', enabled: true } } },
        aws_lb_target_group: { tg: { ...kept, target_control_port: 4000 } },
        aws_lb_target_group_attachment: { a: { target_group_arn: 'arn', target_id: 'i-1', quic_server_id: '0x0123456789abcdef' } },
        aws_lb_listener_rule: { r: { listener_arn: 'arn', transform: [{ type: 'url-rewrite' }], condition: [{ source_ip: { values: ['10.0.0.0/8'], ip_address_type: 'ipv4' } }] } },
      },
      data: { aws_caller_identity: { me: { region: 'us-east-1' } } },
    }));
    const relax = spawnSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'terraform-relax-aws-provider.js'), 'relax', file, '5.100.0'], { encoding: 'utf8' });
    expect(relax.status).toBe(0);
    expect(relax.stdout.split('\n').filter((l) => l.startsWith('not checked: ')).map((l) => l.replace(/ \(.*$/, '').replace('not checked: ', '')).sort()).toEqual([
      'aws_lb.lb.health_check_logs', 'aws_lb.lb.region', 'aws_lb_listener_rule.r.condition[0].source_ip.ip_address_type', 'aws_lb_listener_rule.r.transform',
      'aws_lb_target_group.tg.target_control_port', 'aws_lb_target_group_attachment.a.quic_server_id', 'data.aws_caller_identity.me.region',
    ]);
    const relaxed = JSON.parse(readFileSync(file, 'utf8'));
    expect(relaxed.terraform.required_providers.aws.version).toBe('5.100.0');
    expect(relaxed.provider.aws[0].region).toBe('eu-west-1');
    expect(relaxed.resource.aws_lb.lb).toEqual({ name: 'lb' });
    expect(relaxed.resource.aws_lb_target_group.tg).toEqual(kept);
    expect(relaxed.resource.aws_lb_listener_rule.r.condition).toEqual([{ source_ip: { values: ['10.0.0.0/8'] } }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
