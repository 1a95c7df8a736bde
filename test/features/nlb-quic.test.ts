import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AwsProvider as CdktnAwsProvider } from '@cdktn/provider-aws/lib/provider';
import * as cdk from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as cdktf from 'cdktf';
import * as cdktn from 'cdktn';
import * as cdkEngine from '../../src/aws-cdk';
import * as tfEngine from '../../src/cdktf';
import * as tnEngine from '../../src/cdktn';
import { LbkitValidationError } from '../../src/core/errors';
import { ListenerProtocol } from '../../src/core/options/enums';
import { readSynthesized } from '../../src/readers';
import { validationErrorOf } from '../core/fixtures';
import { CERT_ARN_1, ENV, modelDifferences } from '../support/engines';
import { CHECK_TIMEOUT_MS, findProviderMirror, hasTerraform, runTerraformCheck } from '../support/terraform-check';

/** NLB QUIC and TCP_QUIC on the engines whose provider has them (CloudFormation, lbkit/cdktn) and the refusal on lbkit/cdktf. */
const IDS = ['0x0123456789abcdef', '0xfedcba9876543210'];
const ADDRESSES = ['10.0.1.10', '10.0.2.10'];

type Quic = ListenerProtocol.QUIC | ListenerProtocol.TCP_QUIC;
const listenerOf = (protocol: Quic) => ({
  name: 'h3', port: 443, protocol, ...(protocol === ListenerProtocol.QUIC ? { healthCheck: { port: 8443 } } : {}),
});

function synthCloudFormation(protocol: Quic, ids: (string | undefined)[] = IDS) {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Stack', { env: { account: ENV.account, region: ENV.region } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: ENV.vpcId, vpcCidrBlock: ENV.vpcCidrBlock, availabilityZones: [...ENV.availabilityZones], publicSubnetIds: [...ENV.subnetIds],
  });
  const lb = new cdkEngine.TcpServiceLoadBalancer(stack, 'Edge', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    listeners: [{
      ...listenerOf(protocol),
      targets: ADDRESSES.map((ip, i) => {
        const id = ids[i];
        return id === undefined ? new targets.IpTarget(ip) : new cdkEngine.QuicServerTarget(new targets.IpTarget(ip), id);
      }),
    }],
  });
  return { lb, stack, output: app.synth().getStackByName(stack.stackName).template as Record<string, any> };
}

/** The same on a Terraform engine (cdktf or cdktn), as cdk.tf.json. */
function synthTerraform(engine: 'cdktf' | 'cdktn', protocol: Quic, ids: (string | undefined)[] = IDS) {
  const outdir = mkdtempSync(join(tmpdir(), 'lbkit-quic-'));
  try {
    const [App, Stack, Provider, constructs] = engine === 'cdktn'
      ? [cdktn.App, cdktn.TerraformStack, CdktnAwsProvider, tnEngine as unknown as typeof tfEngine] as const
      : [cdktf.App, cdktf.TerraformStack, AwsProvider, tfEngine] as const;
    const app = new App({ outdir });
    const stack = new Stack(app, 'stack');
    new Provider(stack, 'aws', { region: ENV.region });
    const lb = new constructs.TcpServiceLoadBalancer(stack, 'Edge', {
      vpcId: ENV.vpcId,
      vpcCidrBlock: ENV.vpcCidrBlock,
      subnetIds: [...ENV.subnetIds],
      listeners: [{
        ...listenerOf(protocol),
        targets: ADDRESSES.map((id, i) => ({ id, ...(ids[i] !== undefined ? { quicServerId: ids[i] } : {}) })),
      }],
    });
    app.synth();
    return { lb, output: JSON.parse(readFileSync(join(outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8')) as Record<string, any> };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Runs `build` in a cdktn stack with an AWS provider, in a temporary output directory removed afterwards. */
function inCdktnStack(build: (stack: cdktn.TerraformStack) => void): void {
  const outdir = mkdtempSync(join(tmpdir(), 'lbkit-quic-'));
  try {
    const app = new cdktn.App({ outdir });
    const stack = new cdktn.TerraformStack(app, 'stack');
    new CdktnAwsProvider(stack, 'aws', { region: ENV.region });
    build(stack);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const cfnResources = (output: Record<string, any>, type: string): any[] =>
  Object.values(output.Resources as Record<string, any>).filter((r) => r.Type === type).map((r) => r.Properties);
const tfResources = (output: Record<string, any>, type: string): any[] => Object.values(output.resource?.[type] ?? {});

describe.each<Quic>([ListenerProtocol.QUIC, ListenerProtocol.TCP_QUIC])('%s', (protocol) => {
  const cfn = synthCloudFormation(protocol);
  const tn = synthTerraform('cdktn', protocol);

  test('CloudFormation: the listener and target group carry the protocol, each target its QuicServerId, and there is no security group', () => {
    expect(cfnResources(cfn.output, 'AWS::ElasticLoadBalancingV2::Listener').map((l) => [l.Port, l.Protocol])).toEqual([[443, protocol]]);
    const [group] = cfnResources(cfn.output, 'AWS::ElasticLoadBalancingV2::TargetGroup');
    expect(group.Protocol).toBe(protocol);
    expect(group.Targets).toEqual(ADDRESSES.map((Id, i) => ({ Id, QuicServerId: IDS[i] })));
    expect(cfnResources(cfn.output, 'AWS::EC2::SecurityGroup')).toEqual([]);
    expect(cfnResources(cfn.output, 'AWS::ElasticLoadBalancingV2::LoadBalancer')[0].SecurityGroups).toBeUndefined();
    expect(cfn.lb.securityGroup).toBeUndefined();
    expect(cfn.lb.resources.securityGroup).toBeUndefined();
    Annotations.fromStack(cfn.stack).hasWarning('/Stack/Edge', Match.stringLikeRegexp(`listener "h3" is ${protocol}: AWS allows no security group`));
  });

  test('cdktn: aws_lb_listener and aws_lb_target_group with the protocol, quic_server_id on each attachment, no aws_security_group (hashicorp/aws 6.x)', () => {
    expect(tfResources(tn.output, 'aws_lb_listener').map((l) => [l.port, l.protocol])).toEqual([[443, protocol]]);
    expect(tfResources(tn.output, 'aws_lb_target_group').map((g) => g.protocol)).toEqual([protocol]);
    expect(tfResources(tn.output, 'aws_lb_target_group_attachment').map((a) => [a.target_id, a.quic_server_id])).toEqual(ADDRESSES.map((ip, i) => [ip, IDS[i]]));
    expect(tfResources(tn.output, 'aws_security_group')).toEqual([]);
    expect(tfResources(tn.output, 'aws_lb')[0].security_groups).toBeUndefined();
    expect(tn.lb.securityGroupId).toBeUndefined();
    expect(tn.output.terraform.required_providers.aws.version).toMatch(/^6\./);
  });

  test('read(cloudformation) == read(cdktn) == plan, with nothing unmodeled', () => {
    const [cfnRead, tnRead] = [readSynthesized(cfn.output), readSynthesized(tn.output)];
    expect([cfnRead.unmodeled, tnRead.unmodeled]).toEqual([[], []]);
    expect(modelDifferences(cfn.lb._plan.model, cfnRead.models[0])).toEqual([]);
    expect(modelDifferences(tn.lb._plan.model, tnRead.models[0])).toEqual([]);
    expect(modelDifferences(cfnRead.models[0], tnRead.models[0])).toEqual([]);
    expect(tnRead.models[0]).toMatchObject({ listeners: [{ protocol }], targetGroups: [{ protocol }], securityGroup: { ingress: [], egress: [] } });
  });

  test('cdktf (hashicorp/aws 5.100.0) refuses at synth time, naming the path, the option and the provider it needs', () => {
    const e = validationErrorOf(() => synthTerraform('cdktf', protocol));
    expect([e.constructPath, e.option]).toEqual(['stack/Edge', 'listeners["h3"].protocol']);
    expect(e.message).toBe(`stack/Edge: listeners["h3"].protocol is ${protocol} but the Terraform AWS provider lbkit pins, hashicorp/aws 5.100.0 (@cdktf/provider-aws 20.1.0), `
      + 'accepts no QUIC or TCP_QUIC listener or target group and has no quic_server_id; QUIC listeners need hashicorp/aws 6.x — use lbkit/cdktn or the CloudFormation engine '
      + `(received: "${protocol}")`);
  });
});

describe('server IDs on each engine go through the one rule (core/validation/quic.ts)', () => {
  test('CloudFormation: a target of a QUIC listener without a server ID is refused', () => {
    const e = validationErrorOf(() => synthCloudFormation(ListenerProtocol.QUIC, [IDS[0], undefined]));
    expect([e.constructPath, e.option]).toEqual(['Stack/Edge', 'listeners["h3"].targets[1].quicServerId']);
    expect(e.message).toContain('is required on a QUIC target group');
  });
  test('cdktn: a repeated server ID is refused', () => {
    const e = validationErrorOf(() => synthTerraform('cdktn', ListenerProtocol.TCP_QUIC, [IDS[0], IDS[0]]));
    expect([e.constructPath, e.option]).toEqual(['stack/Edge', 'listeners["h3"].targets[1].quicServerId']);
    expect(e.message).toContain('QUIC server IDs must be unique within a listener');
  });
  test('cdktn: a server ID on a TCP listener is refused, not dropped', () => {
    const e = validationErrorOf(() => inCdktnStack((stack) => {
      new tnEngine.TcpServiceLoadBalancer(stack, 'Edge', {
        vpcId: ENV.vpcId,
        vpcCidrBlock: ENV.vpcCidrBlock,
        subnetIds: [...ENV.subnetIds],
        listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP, targets: [{ id: '10.0.1.10', quicServerId: IDS[0] }] }],
      });
    }));
    expect(e.option).toBe('listeners["db"].targets[0].quicServerId');
    expect(e.message).toContain('is set on a TCP target group; QUIC server IDs belong to QUIC and TCP_QUIC target groups only');
  });
  test('cdktn: a server ID on an ALB route target is refused, not dropped', () => {
    const e = validationErrorOf(() => inCdktnStack((stack) => {
      new tnEngine.WebApiLoadBalancer(stack, 'Api', {
        vpcId: ENV.vpcId,
        vpcCidrBlock: ENV.vpcCidrBlock,
        subnetIds: [...ENV.subnetIds],
        certificateArns: [CERT_ARN_1],
        routes: [{ name: 'api', paths: ['/api/*'], port: 8080, targets: [{ id: '10.0.1.10', quicServerId: IDS[0] }] }],
      });
    }));
    expect([e.constructPath, e.option]).toEqual(['stack/Api', 'routes["api"].targets[0].quicServerId']);
    expect(e.message).toContain('is set on a HTTP target group; QUIC server IDs belong to QUIC and TCP_QUIC target groups only');
  });
  test('CloudFormation: QuicServerTarget around a target that registers itself is refused', () => {
    const app = new cdk.App();
    const stack = new cdk.Stack(app, 'Stack');
    const self = { attachToNetworkTargetGroup: () => ({ targetType: cdk.aws_elasticloadbalancingv2.TargetType.IP }) };
    const group = new cdk.aws_elasticloadbalancingv2.NetworkTargetGroup(stack, 'Group', { port: 443, vpc: ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: ENV.vpcId, availabilityZones: ['a'] }) });
    const e = validationErrorOf(() => new cdkEngine.QuicServerTarget(self, IDS[0]).attachToNetworkTargetGroup(group));
    expect(e.option).toBe('QuicServerTarget.target');
    expect(e).toBeInstanceOf(LbkitValidationError);
  });
});

describe('scripts/terraform-check.sh --relax-aws-provider refuses lbkit/cdktn QUIC stacks (5.100 cannot check them)', () => {
  const stack = synthTerraform('cdktn', ListenerProtocol.QUIC).output;
  const addresses = (type: string) => Object.keys(stack.resource[type]).map((name) => `${type}.${name}`);

  test('the relaxing step exits 3 and names each QUIC protocol, exactly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lbkit-quic-relax-'));
    try {
      const file = join(dir, 'cdk.tf.json');
      writeFileSync(file, JSON.stringify(stack));
      const relax = spawnSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'terraform-relax-aws-provider.js'), 'relax', file, '5.100.0'], { encoding: 'utf8' });
      expect(relax.status).toBe(3);
      expect(relax.stdout.trim().split('\n').sort()).toEqual([
        ...addresses('aws_lb_listener').map((a) => `refused: ${a}.protocol = QUIC: a 6.x-only protocol (NLB QUIC)`),
        ...addresses('aws_lb_target_group').map((a) => `refused: ${a}.protocol = QUIC: a 6.x-only protocol (NLB QUIC)`),
      ].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (hasTerraform ? test : test.skip)('terraform-check.sh reports REFUSED for each and fails the stack unchecked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lbkit-quic-check-'));
    try {
      const stackDir = join(dir, 'stacks', 'quic');
      mkdirSync(stackDir, { recursive: true });
      writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify(stack));
      const result = await runTerraformCheck(['--relax-aws-provider', stackDir], findProviderMirror());
      expect(result.status).not.toBe(0);
      for (const a of [...addresses('aws_lb_listener'), ...addresses('aws_lb_target_group')]) {
        expect(result.output).toContain(`terraform-check: REFUSED quic: ${a}.protocol = QUIC: a 6.x-only protocol (NLB QUIC)\n`);
      }
      expect(result.output).toContain('terraform-check: FAILED quic: uses hashicorp/aws 6.x features the mirror\'s 5.100.0 cannot check (REFUSED above); this stack is not checked');
      expect(result.output).not.toContain('terraform-check: ok');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, CHECK_TIMEOUT_MS);
});
