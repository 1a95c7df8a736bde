import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App as CdkApp, Stack } from 'aws-cdk-lib';
import { App as TfApp } from 'cdktf';
import { App as TnApp } from 'cdktn';
import { createApp as createCdkApp } from '../../examples/global-failover-cdk/app';
import { createApp as createTfApp } from '../../examples/global-failover-cdktf/main';
import { createApp as createTnApp } from '../../examples/global-failover-cdktn/main';
import { DnsRoutingModel } from '../../src/core/model/dns-routing-model';
import { normalizeModel, REFERENCE } from '../../src/core/model/load-balancer-model';
import { EndpointHealthProtocol, FailoverRole, RoutingPolicy, ListenerProtocol } from '../../src/core/options/enums';
import { GlobalFailoverPlan } from '../../src/core/plan/global-failover-plan';
import { WebApiPlan } from '../../src/core/plan/web-api-plan';
import { readSynthesizedFile, SynthesizedModels } from '../../src/readers';
import { CLOUDFORMATION, GlobalEngineOptions, modelDifferences, invariantDifferences, TERRAFORM, threeWayGlobal } from '../support/engines';

/**
 * The invariant read(cloudformation) == read(terraform) == read(cdktn) == plan(options) for GlobalFailover
 * (Route 53 records, health checks, alarms): the two examples, hand-picked option sets, and the
 * contract's raw shapes the model does not carry (alarm settings, tags, absent regions).
 */
function expectThreeWay(options: GlobalEngineOptions) {
  const r = threeWayGlobal(options);
  expect(invariantDifferences(r)).toEqual([]);
  return r;
}

function planOf<P>(construct: { node: { findAll(): unknown[] } }, kind: string): P {
  const found = construct.node.findAll().find((c) => (c as { _plan?: { model: { kind: string } } })._plan?.model.kind === kind);
  if (!found) throw new Error(`no construct with a ${kind} plan under ${String(construct)}`);
  return (found as { _plan: P })._plan;
}

const EU_DNS = 'lbkit-eu-0123456789.eu-west-1.elb.amazonaws.com';
const US_DNS = 'lbkit-us-0123456789.us-east-1.elb.amazonaws.com';
const AP_DNS = 'lbkit-ap-0123456789.ap-southeast-2.elb.amazonaws.com';
const EU_ZONE = 'Z32O12XQLNTSW2';
const US_ZONE = 'Z35SXDOTRQ7X7K';
const AP_ZONE = 'Z1GM3OXH4ZPM65';

const failover = (extra: Partial<GlobalEngineOptions> = {}, primary = {}, secondary = {}): GlobalEngineOptions => ({
  recordName: 'api.example.com',
  routingPolicy: RoutingPolicy.FAILOVER,
  endpoints: [
    { name: 'eu-west-1', region: 'eu-west-1', role: FailoverRole.PRIMARY, dnsName: EU_DNS, hostedZoneId: EU_ZONE, ...primary },
    { name: 'us-east-1', region: 'us-east-1', role: FailoverRole.SECONDARY, dnsName: US_DNS, hostedZoneId: US_ZONE, ...secondary },
  ],
  ...extra,
});

const API = { routes: [{ name: 'api', paths: ['/api/*'], port: 8080 }] };

describe('global-failover examples: read(cloudformation) == read(terraform) == read(cdktn) == plan', () => {
  let dir: string;
  let cfn: SynthesizedModels & { plan: GlobalFailoverPlan; regional: { stack: string; read: SynthesizedModels; plan: WebApiPlan }[] };
  let tf: SynthesizedModels & { plan: GlobalFailoverPlan; output: Record<string, any> };
  let tn: SynthesizedModels & { plan: GlobalFailoverPlan };
  let cfnTemplate: Record<string, any>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lbkit-gf-examples-'));
    const cdkApp: CdkApp = createCdkApp(join(dir, 'cdk.out'));
    cdkApp.synth();
    const globalFile = join(dir, 'cdk.out', 'GlobalDns.template.json');
    cfnTemplate = JSON.parse(readFileSync(globalFile, 'utf8'));
    cfn = {
      ...readSynthesizedFile(globalFile),
      plan: planOf<GlobalFailoverPlan>(cdkApp.node.findChild('GlobalDns') as Stack, 'dns'),
      regional: ['ApiEuWest1', 'ApiUsEast1'].map((stack) => ({
        stack,
        read: readSynthesizedFile(join(dir, 'cdk.out', `${stack}.template.json`)),
        plan: planOf<WebApiPlan>(cdkApp.node.findChild(stack) as Stack, 'application'),
      })),
    };
    const tfApp: TfApp = createTfApp(join(dir, 'cdktf.out'));
    tfApp.synth();
    const tfFile = join(dir, 'cdktf.out', 'stacks', 'global-failover', 'cdk.tf.json');
    tf = { ...readSynthesizedFile(tfFile), plan: planOf<GlobalFailoverPlan>(tfApp.node.findChild('global-failover'), 'dns'), output: JSON.parse(readFileSync(tfFile, 'utf8')) };
    const tnApp: TnApp = createTnApp(join(dir, 'cdktn.out'));
    tnApp.synth();
    tn = { ...readSynthesizedFile(join(dir, 'cdktn.out', 'stacks', 'global-failover', 'cdk.tf.json')), plan: planOf<GlobalFailoverPlan>(tnApp.node.findChild('global-failover'), 'dns') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the CDK global stack holds only DNS routing; the Terraform stack both load balancers and the routing', () => {
    expect(cfn.engine).toBe('cloudformation');
    expect(cfn.models).toEqual([]);
    expect(cfn.dns.map((m) => m.recordName)).toEqual(['api.example.com']);
    expect(tf.engine).toBe('terraform');
    expect(tf.models.map((m) => [m.kind, m.name])).toEqual([['application', 'ApiEuWest1'], ['application', 'ApiUsEast1']]);
    expect(tf.dns.map((m) => m.recordName)).toEqual(['api.example.com']);
  });

  test('global-failover-cdk (GlobalDns) reads back as its plan', () => {
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(cfn.dns[0]))).toEqual([]);
  });

  test('global-failover-cdktf reads back as its plan', () => {
    expect(modelDifferences(normalizeModel(tf.plan.model), normalizeModel(tf.dns[0]))).toEqual([]);
  });

  test('global-failover-cdktn reads back as its plan, and as the cdktf example (load balancers and DNS)', () => {
    expect(tn.engine).toBe('terraform');
    expect(modelDifferences(normalizeModel(tn.plan.model), normalizeModel(tn.dns[0]))).toEqual([]);
    expect(modelDifferences(normalizeModel(tf.dns), normalizeModel(tn.dns), 'read(cdktf) ≠ read(cdktn) at')).toEqual([]);
    expect(modelDifferences(normalizeModel(tf.models), normalizeModel(tn.models), 'read(cdktf) ≠ read(cdktn) at')).toEqual([]);
  });

  test('both examples read as the same DNS model, and plan the same', () => {
    expect(modelDifferences(normalizeModel(cfn.dns[0]), normalizeModel(tf.dns[0]))).toEqual([]);
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(tf.plan.model))).toEqual([]);
  });

  test('the regional CDK stacks read back as their load balancers\' plans', () => {
    for (const r of cfn.regional) {
      expect(r.read.dns).toEqual([]);
      expect(modelDifferences(normalizeModel(r.plan.model), normalizeModel(r.read.models[0]), r.stack)).toEqual([]);
    }
  });

  test('the Terraform load balancers have no alias records of their own (the routed api.example.com records are DNS routing)', () => {
    expect(tf.models.map((m) => m.dnsRecords)).toEqual([[], []]);
  });

  test('the example model holds what EXAMPLE-GF.md asks for', () => {
    const expected: DnsRoutingModel = {
      kind: 'dns',
      recordName: 'api.example.com',
      routingPolicy: 'failover',
      records: [
        { setIdentifier: 'eu-west-1', type: 'A', alias: { dnsName: REFERENCE, hostedZoneId: REFERENCE, evaluateTargetHealth: true }, failover: 'PRIMARY', healthCheck: 'eu-west-1' },
        { setIdentifier: 'us-east-1', type: 'A', alias: { dnsName: REFERENCE, hostedZoneId: REFERENCE, evaluateTargetHealth: true }, failover: 'SECONDARY', healthCheck: 'us-east-1' },
      ],
      healthChecks: ['eu-west-1', 'us-east-1'].map((name) => ({
        name, type: 'HTTPS', fqdn: REFERENCE, port: 443, path: '/health', requestIntervalSeconds: 10, failureThreshold: 3, measureLatency: false, regions: [], alarm: true,
      })),
    };
    expect(normalizeModel(cfn.dns)).toEqual([normalizeModel(expected)]);
    expect(normalizeModel(tf.dns)).toEqual([normalizeModel(expected)]);
  });

  test('the contract\'s raw shapes (CloudFormation): alarm settings, lbkit:endpoint tags, regions absent when unset', () => {
    const resources = Object.values(cfnTemplate.Resources) as { Type: string; Properties: Record<string, any> }[];
    const alarms = resources.filter((r) => r.Type === 'AWS::CloudWatch::Alarm').map((r) => r.Properties);
    expect(alarms).toHaveLength(2);
    for (const a of alarms) {
      expect(a).toMatchObject({
        Namespace: 'AWS/Route53',
        MetricName: 'HealthCheckStatus',
        Statistic: 'Minimum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching',
      });
      expect(a.Dimensions).toEqual([{ Name: 'HealthCheckId', Value: { Ref: expect.any(String) } }]);
    }
    const checks = resources.filter((r) => r.Type === 'AWS::Route53::HealthCheck').map((r) => r.Properties);
    expect(checks.map((c) => c.HealthCheckTags)).toEqual([[{ Key: 'lbkit:endpoint', Value: 'eu-west-1' }], [{ Key: 'lbkit:endpoint', Value: 'us-east-1' }]]);
    expect(checks.every((c) => !('Regions' in c.HealthCheckConfig) && !('SearchString' in c.HealthCheckConfig))).toBe(true);
  });

  test('the contract\'s raw shapes (Terraform): alarm settings, lbkit:endpoint tags, regions absent when unset', () => {
    // The regional load balancers' own alarms (tag lbkit:alarm) aside, GlobalFailover's: one per health check.
    const alarms = (Object.values(tf.output.resource.aws_cloudwatch_metric_alarm) as Record<string, any>[]).filter((a) => a.tags?.['lbkit:alarm'] === undefined);
    expect(alarms).toHaveLength(2);
    for (const a of alarms) {
      expect(a).toMatchObject({
        namespace: 'AWS/Route53',
        metric_name: 'HealthCheckStatus',
        statistic: 'Minimum',
        period: 60,
        evaluation_periods: 1,
        threshold: 1,
        comparison_operator: 'LessThanThreshold',
        treat_missing_data: 'breaching',
      });
      expect(a.dimensions).toEqual({ HealthCheckId: expect.stringMatching(/^\$\{aws_route53_health_check\.[\w-]+\.id\}$/) });
    }
    const checks = Object.values(tf.output.resource.aws_route53_health_check) as Record<string, any>[];
    expect(checks.map((c) => c.tags)).toEqual([{ 'lbkit:endpoint': 'eu-west-1' }, { 'lbkit:endpoint': 'us-east-1' }]);
    expect(checks.every((c) => !('regions' in c) && !('search_string' in c))).toBe(true);
  });
});

describe('GlobalFailover: read(cloudformation) == read(terraform) == read(cdktn) == plan for hand-picked options', () => {
  test.each<[string, GlobalEngineOptions]>([
    ['failover over DNS names (defaults)', failover()],
    ['failover, trailing dot in the record name, AAAA aliases', failover({ recordName: 'api.example.com.', ipv6: true })],
    ['latency over three regions', {
      recordName: 'api.example.com',
      routingPolicy: RoutingPolicy.LATENCY,
      endpoints: [
        { name: 'eu', region: 'eu-west-1', dnsName: EU_DNS, hostedZoneId: EU_ZONE },
        { name: 'us', region: 'us-east-1', dnsName: US_DNS, hostedZoneId: US_ZONE },
        { name: 'ap', region: 'ap-southeast-2', dnsName: AP_DNS, hostedZoneId: AP_ZONE },
      ],
    }],
    ['weighted over addresses (IPv4 and IPv6, TTL 30), weight 0 allowed', {
      recordName: 'www.example.com',
      routingPolicy: RoutingPolicy.WEIGHTED,
      ttlSeconds: 30,
      endpoints: [
        { name: 'blue', weight: 200, ipv4Addresses: ['192.0.2.10', '192.0.2.11'], ipv6Addresses: ['2001:db8::10'] },
        { name: 'green', weight: 0, ipv6Addresses: ['2001:db8::20'] },
      ],
    }],
    ['string match on a path, HTTP on a port', failover({}, { healthCheck: { searchString: 'healthy', path: '/status' } },
      { healthCheck: { protocol: EndpointHealthProtocol.HTTP, port: 8080, searchString: 'ok' } })],
    ['latency measurement, checker regions, interval 30, threshold 5', failover({}, {
      healthCheck: { measureLatency: true, regions: ['us-west-2', 'eu-west-1', 'us-east-1', 'ap-southeast-1'], intervalSeconds: 30, failureThreshold: 5 },
    })],
    ['TCP health checks on addresses', {
      recordName: 'game.example.com',
      routingPolicy: RoutingPolicy.WEIGHTED,
      endpoints: [
        { name: 'a', weight: 1, ipv4Addresses: ['198.51.100.7'], healthCheck: { protocol: EndpointHealthProtocol.TCP, port: 7777 } },
        { name: 'b', weight: 2, ipv6Addresses: ['2001:db8::7'], healthCheck: { protocol: EndpointHealthProtocol.TCP, port: 7777, failureThreshold: 1 } },
      ],
    }],
    ['no alarm', failover({}, { healthCheck: { alarm: false } }, { healthCheck: { alarm: false } })],
    ['health check disabled on the secondary', failover({ ipv6: true }, {}, { healthCheck: { enabled: false } })],
    ['health checks disabled everywhere', failover({}, { healthCheck: { enabled: false } }, { healthCheck: { enabled: false } })],
  ])('%s', (_name, options) => {
    expectThreeWay(options);
  });

  test('lbkit WebApiLoadBalancers as endpoints: alias names and health-checked names read as references', () => {
    const r = expectThreeWay(failover({ ipv6: true },
      { dnsName: undefined, hostedZoneId: undefined, webApi: { ...API, managedCertificates: [{ domainName: 'api-eu.example.com' }] } },
      { dnsName: undefined, hostedZoneId: undefined, webApi: { ...API, managedCertificates: [{ domainName: 'api-us.example.com' }], aliasRecordNames: ['www.example.com'] } }));
    const alias = { dnsName: REFERENCE, evaluateTargetHealth: true, hostedZoneId: REFERENCE };
    expect(r.cloudformation.records.map((x) => x.alias)).toEqual(Array(4).fill(alias));
    expect(r.cloudformation.healthChecks.map((h) => [h.fqdn, h.type, h.port])).toEqual([[REFERENCE, 'HTTPS', 443], [REFERENCE, 'HTTPS', 443]]);
    // The load balancers of the same output read alike on both engines, with their own alias records only.
    expect(modelDifferences(normalizeModel(r.cfn.models), normalizeModel(r.tf.models), 'read(cloudformation) ≠ read(terraform) at')).toEqual([]);
    expect(modelDifferences(normalizeModel(r.cfn.models), normalizeModel(r.tn!.models), 'read(cloudformation) ≠ read(cdktn) at')).toEqual([]);
    expect(r.cfn.models.map((m) => m.dnsRecords)).toEqual([[], [{ name: 'www.example.com', type: 'A' }]]);
  });

  test('a TcpServiceLoadBalancer endpoint is checked over TCP on its first TCP listener', () => {
    const r = expectThreeWay({
      recordName: 'play.example.com',
      routingPolicy: RoutingPolicy.LATENCY,
      endpoints: [
        { name: 'eu', region: 'eu-west-1', tcpService: { listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP }] } },
        { name: 'us', region: 'us-east-1', dnsName: US_DNS, hostedZoneId: US_ZONE },
      ],
    });
    expect(r.terraform.healthChecks[0]).toMatchObject({ name: 'eu', type: 'TCP', port: 7777, fqdn: REFERENCE });
  });

  test('the contract\'s raw shapes over tuned checks: regions sorted, search string only on string match, no path on TCP, one alarm per alarmed check', () => {
    const options: GlobalEngineOptions = {
      recordName: 'api.example.com',
      routingPolicy: RoutingPolicy.WEIGHTED,
      endpoints: [
        { name: 'a', weight: 1, dnsName: EU_DNS, hostedZoneId: EU_ZONE, healthCheck: { searchString: 'ok', regions: ['us-west-2', 'eu-west-1', 'ap-northeast-1'] } },
        { name: 'b', weight: 1, ipv4Addresses: ['192.0.2.1'], healthCheck: { protocol: EndpointHealthProtocol.TCP, port: 22, alarm: false } },
      ],
    };
    const cfnOut = CLOUDFORMATION.synthGlobal(options).output;
    const cfnResources = Object.values(cfnOut.Resources) as { Type: string; Properties: Record<string, any> }[];
    const cfnChecks = cfnResources.filter((r) => r.Type === 'AWS::Route53::HealthCheck').map((r) => r.Properties.HealthCheckConfig);
    expect(cfnChecks.map((c) => [c.Type, c.Regions, c.SearchString, c.ResourcePath])).toEqual([
      ['HTTPS_STR_MATCH', ['ap-northeast-1', 'eu-west-1', 'us-west-2'], 'ok', '/health'], ['TCP', undefined, undefined, undefined],
    ]);
    expect(cfnResources.filter((r) => r.Type === 'AWS::CloudWatch::Alarm')).toHaveLength(1);
    const tfOut = TERRAFORM.synthGlobal(options).output;
    const tfChecks = Object.values(tfOut.resource.aws_route53_health_check) as Record<string, any>[];
    expect(tfChecks.map((c) => [c.type, c.regions, c.search_string, c.resource_path])).toEqual([
      ['HTTPS_STR_MATCH', ['ap-northeast-1', 'eu-west-1', 'us-west-2'], 'ok', '/health'], ['TCP', undefined, undefined, undefined],
    ]);
    expect(Object.keys(tfOut.resource.aws_cloudwatch_metric_alarm)).toHaveLength(1);
  });

  test('a deviation from the contract shows as a model difference (a health check without its tag reads by set identifier; a dropped alarm reads as alarm false)', () => {
    const { output } = CLOUDFORMATION.synthGlobal(failover());
    const resources = output.Resources as Record<string, any>;
    const alarmId = Object.keys(resources).find((k) => resources[k].Type === 'AWS::CloudWatch::Alarm')!;
    delete resources[alarmId];
    const read = normalizeModel(CLOUDFORMATION.readDns(output)[0]);
    expect(read.healthChecks.map((h) => h.alarm).sort()).toEqual([false, true]);
    const tfOut = TERRAFORM.synthGlobal(failover()).output;
    for (const hc of Object.values(tfOut.resource.aws_route53_health_check) as Record<string, any>[]) delete hc.tags;
    expect(TERRAFORM.readDns(tfOut)[0].healthChecks.map((h) => h.name)).toEqual(['eu-west-1', 'us-east-1']);
  });
});
