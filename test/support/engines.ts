import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AwsProvider as CdktnAwsProvider } from '@cdktn/provider-aws/lib/provider';
import * as cdk from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cdktf from 'cdktf';
import * as cdktn from 'cdktn';
import { Construct } from 'constructs';
import * as cdkEngine from '../../src/aws-cdk';
import * as tfEngine from '../../src/cdktf';
import * as tnEngine from '../../src/cdktn';
import { AnyLoadBalancerModel, isApplicationModel, isNetworkModel } from '../../src/core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../../src/core/model/dns-routing-model';
import { LoadBalancerModel, normalizeModel } from '../../src/core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../../src/core/model/network-load-balancer-model';
import { TargetType } from '../../src/core/options/enums';
import { GlobalEndpointBaseOptions, GlobalFailoverBaseOptions } from '../../src/core/options/global-failover-options';
import { RouteOptions } from '../../src/core/options/route-options';
import { TcpServiceLoadBalancerOptions } from '../../src/core/options/tcp-service-options';
import { WebApiLoadBalancerOptions } from '../../src/core/options/web-api-options';
import { GlobalFailoverPlan } from '../../src/core/plan/global-failover-plan';
import { TcpServicePlan } from '../../src/core/plan/tcp-service-plan';
import { planWebApi, WebApiPlan } from '../../src/core/plan/web-api-plan';
import { readCloudFormation, readDnsCloudFormation, readDnsTerraform, readSynthesized, readTerraform } from '../../src/readers';

/**
 * The fixed environment of every equivalence and feature test (notes/EXAMPLE.md): VPC,
 * CIDR, two subnets in two zones, hosted zone, region, and literal certificate ARNs.
 */
export const ENV = {
  account: '111111111111',
  region: 'eu-west-1',
  vpcId: 'vpc-0123456789abcdef0',
  vpcCidrBlock: '10.0.0.0/16',
  subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
  hostedZoneId: 'Z0123456789EXAMPLE',
  zoneName: 'example.com',
} as const;

export const CERT_ARN_1 = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
export const CERT_ARN_2 = 'arn:aws:acm:eu-west-1:111111111111:certificate/66666666-7777-8888-9999-000000000000';

/** Engine-neutral options plus the few engine-typed inputs, given as literals. */
export interface EngineOptions extends WebApiLoadBalancerOptions {
  /** Existing certificates by ARN (CDK: `acm.Certificate.fromCertificateArn`), before the managed ones. */
  readonly certificateArns?: string[];
  /** An existing access-log bucket by name (CDK: `s3.Bucket.fromBucketName`). */
  readonly accessLogBucketName?: string;
  /** Without a hosted zone (managed certificates and alias records then fail planning). */
  readonly noHostedZone?: boolean;
}

/** The few engine-typed inputs, given as literals, shared by both constructs. */
interface EngineInputs {
  readonly certificateArns?: string[];
  readonly accessLogBucketName?: string;
  readonly noHostedZone?: boolean;
}

/** Engine-neutral TcpServiceLoadBalancer options plus the same engine-typed inputs as {@link EngineOptions}. */
export interface TcpEngineOptions extends TcpServiceLoadBalancerOptions {
  /** Existing certificates by ARN (CDK: `acm.Certificate.fromCertificateArn`), before the managed ones. */
  readonly certificateArns?: string[];
  /** An existing access-log bucket by name (CDK: `s3.Bucket.fromBucketName`). */
  readonly accessLogBucketName?: string;
  /** Without a hosted zone (managed certificates and alias records then fail planning). */
  readonly noHostedZone?: boolean;
}

export interface TcpSynthResult {
  /** The network load balancer read back from the output (exactly one expected). */
  readonly model: NetworkLoadBalancerModel;
  /** The plan the construct rendered. */
  readonly plan: TcpServicePlan;
  /** The raw synthesized JSON (template or cdk.tf.json). */
  readonly output: Record<string, any>;
}

export interface SynthResult {
  /** The load balancer read back from the output (exactly one expected). */
  readonly model: LoadBalancerModel;
  /** The plan the construct rendered. */
  readonly plan: WebApiPlan;
  /** The raw synthesized JSON (template or cdk.tf.json). */
  readonly output: Record<string, any>;
}

/** Region of the stack a GlobalFailover is synthesized in: where Route 53 publishes health-check metrics. */
export const GLOBAL_REGION = 'us-east-1';

/**
 * One GlobalFailover endpoint: the engine-neutral options, and instead of literals an lbkit load
 * balancer built in the same stack from engine options (its alias names then read as references).
 */
export interface GlobalEngineEndpoint extends GlobalEndpointBaseOptions {
  readonly webApi?: EngineOptions;
  readonly tcpService?: TcpEngineOptions;
}

/** GlobalFailover options with endpoints as {@link GlobalEngineEndpoint}s. */
export interface GlobalEngineOptions extends GlobalFailoverBaseOptions {
  readonly endpoints: GlobalEngineEndpoint[];
}

export interface GlobalSynthResult {
  /** The DNS routing read back from the output (exactly one model expected). */
  readonly dns: DnsRoutingModel;
  /** The load balancers read back from the output (endpoints built in the stack). */
  readonly models: AnyLoadBalancerModel[];
  /** The plan the construct rendered. */
  readonly plan: GlobalFailoverPlan;
  /** The raw synthesized JSON (template or cdk.tf.json). */
  readonly output: Record<string, any>;
}

export interface Engine {
  /** `terraform` is cdktf (hashicorp/aws 5.x); `cdktn` is CDK Terrain (hashicorp/aws 6.x), read by the same Terraform reader. */
  readonly name: 'cloudformation' | 'terraform' | 'cdktn';
  /** Builds one WebApiLoadBalancer (construct id `id`) in a fresh app, synthesizes and reads it back. */
  synth(options: EngineOptions, id?: string): SynthResult;
  /** Builds one TcpServiceLoadBalancer (construct id `id`) in a fresh app, synthesizes and reads it back. */
  synthTcp(options: TcpEngineOptions, id?: string): TcpSynthResult;
  /**
   * Builds one GlobalFailover (construct id `id`) in a fresh app in {@link GLOBAL_REGION}, with
   * endpoint load balancers in the same stack, synthesizes and reads it back.
   */
  synthGlobal(options: GlobalEngineOptions, id?: string): GlobalSynthResult;
  /** Every load balancer read from an output of this engine, application and network. */
  read(output: object): AnyLoadBalancerModel[];
  /** Every DNS routing model read from an output of this engine. */
  readDns(output: object): DnsRoutingModel[];
  toString(): string;
}

function only(models: AnyLoadBalancerModel[], engine: string): LoadBalancerModel {
  if (models.length !== 1) throw new Error(`${engine}: expected one load balancer, read ${models.length}`);
  const [model] = models;
  if (!isApplicationModel(model)) throw new Error(`${engine}: expected an application load balancer, read a ${model.kind} one`);
  return model;
}

function onlyDns(models: DnsRoutingModel[], engine: string): DnsRoutingModel {
  if (models.length !== 1) throw new Error(`${engine}: expected one DNS routing model, read ${models.length}`);
  return models[0];
}

function onlyNetwork(models: AnyLoadBalancerModel[], engine: string): NetworkLoadBalancerModel {
  if (models.length !== 1) throw new Error(`${engine}: expected one load balancer, read ${models.length}`);
  const [model] = models;
  if (!isNetworkModel(model)) throw new Error(`${engine}: expected a network load balancer, read an ${model.kind} one`);
  return model;
}

/** A CDK app and stack in the fixed environment, with the engine-typed inputs built from their literals. */
function cdkEnvironment(outdir: string, inputs: EngineInputs, region: string = ENV.region) {
  const app = new cdk.App({ outdir });
  const stack = new cdk.Stack(app, 'Stack', { env: { account: ENV.account, region } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: ENV.vpcId,
    vpcCidrBlock: ENV.vpcCidrBlock,
    availabilityZones: [...ENV.availabilityZones],
    publicSubnetIds: [...ENV.subnetIds],
  });
  const hostedZone = inputs.noHostedZone ? undefined
    : route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: ENV.hostedZoneId, zoneName: ENV.zoneName });
  const props = {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    ...(hostedZone ? { hostedZone } : {}),
    certificates: (inputs.certificateArns ?? []).map((arn, i) => acm.Certificate.fromCertificateArn(stack, `Cert${i}`, arn)),
    ...(inputs.accessLogBucketName !== undefined ? { accessLogBucket: s3.Bucket.fromBucketName(stack, 'Logs', inputs.accessLogBucketName) } : {}),
  };
  return { app, stack, props, hostedZone };
}

/**
 * What a Terraform engine is built from: cdktf or cdktn, their AWS provider, and lbkit's constructs on them.
 * The two are the same code under other module names (scripts/generate-cdktn.ts), so one shape serves both;
 * the constructs' props differ only in engine types the tests do not pass.
 */
interface TerraformBinding {
  readonly name: 'terraform' | 'cdktn';
  readonly App: new (props: { outdir: string }) => Construct & { synth(): void };
  readonly TerraformStack: new (scope: Construct, id: string) => Construct;
  readonly AwsProvider: new (scope: Construct, id: string, config: { region: string }) => unknown;
  readonly constructs: typeof tfEngine;
}

const CDKTF_BINDING: TerraformBinding = {
  name: 'terraform', App: cdktf.App, TerraformStack: cdktf.TerraformStack, AwsProvider, constructs: tfEngine,
};
const CDKTN_BINDING: TerraformBinding = {
  name: 'cdktn',
  App: cdktn.App,
  TerraformStack: cdktn.TerraformStack,
  AwsProvider: CdktnAwsProvider,
  // Structurally the cdktf constructs (generated from them); typed as those so one engine builds both.
  constructs: tnEngine as unknown as typeof tfEngine,
};

/** A Terraform app and stack in the fixed environment, and the Terraform construct's network props. */
function tfEnvironment(binding: TerraformBinding, outdir: string, inputs: EngineInputs, region: string = ENV.region) {
  const app = new binding.App({ outdir });
  const stack = new binding.TerraformStack(app, 'stack');
  new binding.AwsProvider(stack, 'aws', { region });
  const props = {
    vpcId: ENV.vpcId,
    vpcCidrBlock: ENV.vpcCidrBlock,
    subnetIds: [...ENV.subnetIds],
    availabilityZones: [...ENV.availabilityZones],
    ...(inputs.noHostedZone ? {} : { hostedZoneId: ENV.hostedZoneId }),
    ...(inputs.certificateArns !== undefined ? { certificateArns: inputs.certificateArns } : {}),
    ...(inputs.accessLogBucketName !== undefined ? { accessLogBucketName: inputs.accessLogBucketName } : {}),
    accountId: ENV.account,
  };
  const synth = () => {
    app.synth();
    return JSON.parse(readFileSync(join(outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8'));
  };
  return { stack, props, synth };
}

function withOutdir<T>(fn: (outdir: string) => T): T {
  const outdir = mkdtempSync(join(tmpdir(), 'lbkit-eq-'));
  try {
    return fn(outdir);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** CDK props of one endpoint's load balancer in a shared stack: its own certificates and log bucket, by construct ids of its own. */
function cdkEndpointProps<B extends object>(stack: cdk.Stack, base: B, id: string, inputs: EngineInputs) {
  return {
    ...base,
    certificates: (inputs.certificateArns ?? []).map((arn, i) => acm.Certificate.fromCertificateArn(stack, `${id}Cert${i}`, arn)),
    ...(inputs.accessLogBucketName !== undefined ? { accessLogBucket: s3.Bucket.fromBucketName(stack, `${id}Logs`, inputs.accessLogBucketName) } : {}),
  };
}

/** Terraform props of one endpoint's load balancer (the stack's, built without inputs): its own certificates and log bucket. */
function tfEndpointProps<B extends object>(base: B, inputs: EngineInputs) {
  return {
    ...base,
    ...(inputs.certificateArns !== undefined ? { certificateArns: inputs.certificateArns } : {}),
    ...(inputs.accessLogBucketName !== undefined ? { accessLogBucketName: inputs.accessLogBucketName } : {}),
  };
}

/** ARN of the test function of a Lambda route (the Terraform engine's literal; CDK makes the function). */
export const lambdaArnOf = (route: string) => `arn:aws:lambda:${ENV.region}:${ENV.account}:function:lbkit-${route}`;

/**
 * Routes with their engine's function added to every LAMBDA route that owns a target group (the
 * plan says which; when planning fails, every LAMBDA route gets one and the construct reports the error).
 */
export function withLambdaFunctions<F>(
  options: WebApiLoadBalancerOptions, make: (route: string) => F,
): (RouteOptions & { lambdaFunction?: F })[] | undefined {
  if (!options.routes?.some((r) => r.targetType === TargetType.LAMBDA)) return options.routes;
  let owners: string[] | undefined;
  try {
    owners = planWebApi(options, {
      path: 'lambda-owners', name: 'lambda-owners', importedCertificateArns: ['arn'], hasHostedZone: true, targetCidr: ENV.vpcCidrBlock,
    }).lambdaTargetGroupRoutes;
  } catch {
    owners = undefined;
  }
  return options.routes.map((r) => (r.targetType === TargetType.LAMBDA && (owners === undefined || owners.includes(r.name))
    ? { ...r, lambdaFunction: make(r.name) } : r));
}

/** A small inline function for a Lambda route on CloudFormation. */
function cdkFunction(stack: cdk.Stack, route: string): lambda.IFunction {
  return new lambda.Function(stack, `Fn-${route}`, {
    functionName: `lbkit-${route}`,
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
  });
}

/** Strips the engine-typed inputs off load-balancer options. */
function neutralOf<T extends EngineInputs>(options: T): Omit<T, keyof EngineInputs> {
  const { certificateArns, accessLogBucketName, noHostedZone, ...neutral } = options;
  return neutral;
}

/** A construct id for an endpoint's load balancer. */
const endpointLbId = (name: string) => `Lb${name.replace(/[^A-Za-z0-9]/g, '')}`;

export const CLOUDFORMATION: Engine = {
  name: 'cloudformation',
  toString: () => 'cloudformation',
  read: (output) => readCloudFormation(output),
  readDns: (output) => readDnsCloudFormation(output),
  synthGlobal(options, id = 'Global') {
    return withOutdir((outdir) => {
      const { app, stack, props, hostedZone } = cdkEnvironment(outdir, {}, GLOBAL_REGION);
      const endpoints = options.endpoints.map(({ webApi, tcpService, ...e }) => {
        const lbId = endpointLbId(e.name);
        if (webApi) {
          const lbProps = { ...neutralOf(webApi), ...cdkEndpointProps(stack, props, lbId, webApi) };
          return { ...e, loadBalancer: new cdkEngine.WebApiLoadBalancer(stack, lbId, lbProps) };
        }
        if (tcpService) {
          const lbProps = { ...neutralOf(tcpService), ...cdkEndpointProps(stack, props, lbId, tcpService) };
          return { ...e, loadBalancer: new cdkEngine.TcpServiceLoadBalancer(stack, lbId, lbProps) };
        }
        return e;
      });
      const gf = new cdkEngine.GlobalFailover(stack, id, { ...options, endpoints, hostedZone: hostedZone! });
      const template = app.synth().getStackByName(stack.stackName).template;
      const hasLb = endpoints.some((e) => 'loadBalancer' in e);
      return { dns: onlyDns(readDnsCloudFormation(template), 'cloudformation'), models: hasLb ? readCloudFormation(template) : [], plan: gf._plan, output: template };
    });
  },
  synth(options, id = 'Api') {
    return withOutdir((outdir) => {
      const { certificateArns, accessLogBucketName, noHostedZone, ...neutral } = options;
      const { app, stack, props } = cdkEnvironment(outdir, options);
      const routes = withLambdaFunctions(neutral, (route) => cdkFunction(stack, route));
      const lb = new cdkEngine.WebApiLoadBalancer(stack, id, { ...neutral, ...(routes ? { routes } : {}), ...props });
      const template = app.synth().getStackByName(stack.stackName).template;
      return { model: only(readCloudFormation(template), 'cloudformation'), plan: lb._plan, output: template };
    });
  },
  synthTcp(options, id = 'Game') {
    return withOutdir((outdir) => {
      const { certificateArns, accessLogBucketName, noHostedZone, ...neutral } = options;
      const { app, stack, props } = cdkEnvironment(outdir, options);
      const lb = new cdkEngine.TcpServiceLoadBalancer(stack, id, { ...neutral, ...props });
      const template = app.synth().getStackByName(stack.stackName).template;
      return { model: onlyNetwork(readCloudFormation(template), 'cloudformation'), plan: lb._plan, output: template };
    });
  },
};

/** A Terraform engine on cdktf or cdktn: the same constructs, synthesized and read back alike. */
function terraformEngine(binding: TerraformBinding): Engine {
  const { name, constructs } = binding;
  return {
    name,
    toString: () => name,
    read: (output) => readTerraform(output),
    readDns: (output) => readDnsTerraform(output),
    synthGlobal(options, id = 'Global') {
      return withOutdir((outdir) => {
        const { stack, props, synth } = tfEnvironment(binding, outdir, {}, GLOBAL_REGION);
        const endpoints = options.endpoints.map(({ webApi, tcpService, ...e }) => {
          const lbId = endpointLbId(e.name);
          if (webApi) {
            const lbProps = { ...neutralOf(webApi), ...tfEndpointProps(props, webApi) };
            return { ...e, loadBalancer: new constructs.WebApiLoadBalancer(stack, lbId, lbProps) };
          }
          if (tcpService) {
            const lbProps = { ...neutralOf(tcpService), ...tfEndpointProps(props, tcpService) };
            return { ...e, loadBalancer: new constructs.TcpServiceLoadBalancer(stack, lbId, lbProps) };
          }
          return e;
        });
        const gf = new constructs.GlobalFailover(stack, id, { ...options, endpoints, hostedZoneId: ENV.hostedZoneId });
        const output = synth();
        const hasLb = endpoints.some((e) => 'loadBalancer' in e);
        return { dns: onlyDns(readDnsTerraform(output), name), models: hasLb ? readTerraform(output) : [], plan: gf._plan, output };
      });
    },
    synth(options, id = 'Api') {
      return withOutdir((outdir) => {
        const { certificateArns, accessLogBucketName, noHostedZone, ...neutral } = options;
        const { stack, props, synth } = tfEnvironment(binding, outdir, options);
        const routes = withLambdaFunctions(neutral, (route) => ({ arn: lambdaArnOf(route), name: `lbkit-${route}` }));
        const lb = new constructs.WebApiLoadBalancer(stack, id, { ...neutral, ...(routes ? { routes } : {}), ...props });
        const output = synth();
        return { model: only(readTerraform(output), name), plan: lb._plan, output };
      });
    },
    synthTcp(options, id = 'Game') {
      return withOutdir((outdir) => {
        const { certificateArns, accessLogBucketName, noHostedZone, ...neutral } = options;
        const { stack, props, synth } = tfEnvironment(binding, outdir, options);
        const lb = new constructs.TcpServiceLoadBalancer(stack, id, { ...neutral, ...props });
        const output = synth();
        return { model: onlyNetwork(readTerraform(output), name), plan: lb._plan, output };
      });
    },
  };
}

export const TERRAFORM: Engine = terraformEngine(CDKTF_BINDING);
/** CDK Terrain (lbkit/cdktn): the Terraform renderer generated from cdktf's, on hashicorp/aws 6.x. */
export const CDKTN: Engine = terraformEngine(CDKTN_BINDING);

/** Both engines, for `test.each(ENGINES)`. */
export const ENGINES: Engine[] = [CLOUDFORMATION, TERRAFORM];

/** Whether a comparison synthesizes with cdktn too: yes unless told (the property tests run it on a fixed subset). */
export interface Readings {
  readonly cdktn?: boolean;
}

/** Normalized models of one synthesis per engine, plus the engines' plans. */
function threeModels<S extends { plan: { model: unknown } }, M>(cfn: S, tf: S, tn: S | undefined, read: (s: S) => M) {
  return {
    cloudformation: normalizeModel(read(cfn)),
    terraform: normalizeModel(read(tf)),
    ...(tn ? { cdktn: normalizeModel(read(tn)), cdktnPlan: normalizeModel(tn.plan.model) } : {}),
    plan: normalizeModel(cfn.plan.model),
    terraformPlan: normalizeModel(tf.plan.model),
    cfn,
    tf,
    tn,
  };
}

/**
 * The models of the invariant `read(cloudformation) == read(terraform) == read(cdktn) == plan(options)`,
 * normalized (references as REFERENCE, keys sorted). The plan is the CloudFormation
 * construct's; the Terraform constructs' plans are returned too, to be compared with it.
 */
export function threeWay(options: EngineOptions, id = 'Api', readings: Readings = {}) {
  const tn = readings.cdktn === false ? undefined : CDKTN.synth(options, id);
  return threeModels(CLOUDFORMATION.synth(options, id), TERRAFORM.synth(options, id), tn, (s) => s.model);
}

/** {@link threeWay} for a TcpServiceLoadBalancer (construct id `Game` unless given). */
export function threeWayTcp(options: TcpEngineOptions, id = 'Game', readings: Readings = {}) {
  const tn = readings.cdktn === false ? undefined : CDKTN.synthTcp(options, id);
  return threeModels(CLOUDFORMATION.synthTcp(options, id), TERRAFORM.synthTcp(options, id), tn, (s) => s.model);
}

/** {@link threeWay} for a GlobalFailover (construct id `Global` unless given): the DNS routing models. */
export function threeWayGlobal(options: GlobalEngineOptions, id = 'Global', readings: Readings = {}) {
  const tn = readings.cdktn === false ? undefined : CDKTN.synthGlobal(options, id);
  return threeModels(CLOUDFORMATION.synthGlobal(options, id), TERRAFORM.synthGlobal(options, id), tn, (s) => s.dns);
}

/** Every way a {@link threeWay} result breaks the invariant, each naming the differing model path. */
export function invariantDifferences(r: {
  plan: unknown; cloudformation: unknown; terraform: unknown; terraformPlan: unknown; cdktn?: unknown; cdktnPlan?: unknown;
}): string[] {
  return [
    ...modelDifferences(r.plan, r.cloudformation, 'plan ≠ read(cloudformation) at'),
    ...modelDifferences(r.plan, r.terraform, 'plan ≠ read(terraform) at'),
    ...modelDifferences(r.plan, r.terraformPlan, 'cloudformation plan ≠ terraform plan at'),
    ...('cdktn' in r ? modelDifferences(r.plan, r.cdktn, 'plan ≠ read(cdktn) at') : []),
    ...('cdktnPlan' in r ? modelDifferences(r.plan, r.cdktnPlan, 'cloudformation plan ≠ cdktn plan at') : []),
  ];
}

/**
 * The paths at which two normalized models differ, each as `path: a ≠ b`: what to tell a
 * renderer's owner when the invariant breaks.
 */
export function modelDifferences(a: unknown, b: unknown, path = 'model'): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => modelDifferences(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`));
  }
  return [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}

/**
 * read(cloudformation) == read(cdktn) == plan for one synthesis on each (a 6.x feature the cdktf engine refuses),
 * with nothing unmodeled; returns the cdktn reading for the feature's own assertions.
 */
export function expectCloudFormationAndCdktnReadAsPlanned(
  cfn: { plan: LoadBalancerModel; output: Record<string, any> }, tn: { plan: LoadBalancerModel; output: Record<string, any> },
): LoadBalancerModel {
  const cfnRead = readSynthesized(cfn.output);
  const tnRead = readSynthesized(tn.output);
  expect([cfnRead.unmodeled, tnRead.unmodeled]).toEqual([[], []]);
  const [cfnModel, tnModel] = [cfnRead.models[0] as LoadBalancerModel, tnRead.models[0] as LoadBalancerModel];
  expect(modelDifferences(normalizeModel(cfn.plan), normalizeModel(cfnModel))).toEqual([]);
  expect(modelDifferences(normalizeModel(tn.plan), normalizeModel(tnModel))).toEqual([]);
  expect(modelDifferences(normalizeModel(cfnModel), normalizeModel(tnModel))).toEqual([]);
  return tnModel;
}
