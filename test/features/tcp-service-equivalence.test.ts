import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Stack } from 'aws-cdk-lib';
import { App as TfApp } from 'cdktf';
import { App as TnApp } from 'cdktn';
import { createApp as createCdkApp } from '../../examples/game-server-nlb-cdk/app';
import { createApp as createTfApp } from '../../examples/game-server-nlb-cdktf/main';
import { createApp as createTnApp } from '../../examples/game-server-nlb-cdktn/main';
import { AnyLoadBalancerModel, isNetworkModel } from '../../src/core/model/any-load-balancer-model';
import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { DnsClientRoutingPolicy, TargetType, HealthCheckProtocol, IpAddressType, ListenerProtocol, SessionAffinity, TlsMode } from '../../src/core/options/enums';
import { TcpServicePlan } from '../../src/core/plan/tcp-service-plan';
import { readSynthesizedFile } from '../../src/readers';
import { CERT_ARN_1, CERT_ARN_2, CLOUDFORMATION, modelDifferences, invariantDifferences, TcpEngineOptions, TERRAFORM, threeWayTcp } from '../support/engines';

/**
 * The invariant read(cloudformation) == read(terraform) == read(cdktn) == plan(options) for
 * TcpServiceLoadBalancer (network load balancers), engine ids aside.
 */
function expectThreeWay(options: TcpEngineOptions): void {
  const r = threeWayTcp(options);
  expect(invariantDifferences(r)).toEqual([]);
}

function planOf(construct: { node: { findAll(): unknown[] } }): TcpServicePlan {
  const lb = construct.node.findAll().find((c) => (c as { _plan?: TcpServicePlan })._plan?.model.kind === 'network') as { _plan: TcpServicePlan };
  return lb._plan;
}

describe('game-server examples: read(cloudformation) == read(terraform) == read(cdktn) == plan', () => {
  let dir: string;
  let cfn: { models: AnyLoadBalancerModel[]; plan: TcpServicePlan; engine: string };
  let tf: { models: AnyLoadBalancerModel[]; plan: TcpServicePlan; engine: string };
  let tn: { models: AnyLoadBalancerModel[]; plan: TcpServicePlan; engine: string };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lbkit-nlb-examples-'));
    const cdkApp = createCdkApp(join(dir, 'cdk.out'));
    cdkApp.synth();
    cfn = { ...readSynthesizedFile(join(dir, 'cdk.out', 'GameServerStack.template.json')), plan: planOf(cdkApp.node.findChild('GameServerStack') as Stack) };
    const tfApp: TfApp = createTfApp(join(dir, 'cdktf.out'));
    tfApp.synth();
    tf = { ...readSynthesizedFile(join(dir, 'cdktf.out', 'stacks', 'game-server', 'cdk.tf.json')), plan: planOf(tfApp.node.findChild('game-server')) };
    const tnApp: TnApp = createTnApp(join(dir, 'cdktn.out'));
    tnApp.synth();
    tn = { ...readSynthesizedFile(join(dir, 'cdktn.out', 'stacks', 'game-server', 'cdk.tf.json')), plan: planOf(tnApp.node.findChild('game-server')) };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the synthesized files are detected as their engines, one network load balancer each', () => {
    expect(cfn.engine).toBe('cloudformation');
    expect(tf.engine).toBe('terraform');
    expect(cfn.models.map((m) => [m.kind, m.name])).toEqual([['network', 'Game']]);
    expect(tf.models.map((m) => [m.kind, m.name])).toEqual([['network', 'Game']]);
  });

  test('game-server-nlb-cdk reads back as its plan', () => {
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(cfn.models[0]))).toEqual([]);
  });

  test('game-server-nlb-cdktf reads back as its plan', () => {
    expect(modelDifferences(normalizeModel(tf.plan.model), normalizeModel(tf.models[0]))).toEqual([]);
  });

  test('game-server-nlb-cdktn reads back as its plan, and as the cdktf example', () => {
    expect(tn.engine).toBe('terraform');
    expect(modelDifferences(normalizeModel(tn.plan.model), normalizeModel(tn.models[0]))).toEqual([]);
    expect(modelDifferences(normalizeModel(tf.models[0]), normalizeModel(tn.models[0]), 'read(cdktf) ≠ read(cdktn) at')).toEqual([]);
  });

  test('both examples read as the same model', () => {
    expect(modelDifferences(normalizeModel(cfn.models[0]), normalizeModel(tf.models[0]))).toEqual([]);
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(tf.plan.model))).toEqual([]);
  });

  test('the example model holds what EXAMPLE-NLB.md asks for', () => {
    const [m] = cfn.models.filter(isNetworkModel);
    expect(m.elasticIps).toBe(true);
    expect(m.listeners.map((l) => [l.name, l.protocol, l.port])).toEqual([
      ['game', 'TCP', 7777], ['voice', 'UDP', 7778], ['mqtt', 'TLS', 8883], ['mqtt-mtls', 'TCP', 8884],
    ]);
    expect(m.targetGroups.map((g) => [g.name, g.protocol, g.port, g.sourceIpAffinity, g.deregistrationDelaySeconds])).toEqual([
      ['game', 'TCP', 7777, true, 3600], ['mqtt', 'TCP', 1883, false, 300], ['mqtt-mtls', 'TCP', 8884, false, 300], ['voice', 'UDP', 7778, true, 3600],
    ]);
    expect(m.certificates).toEqual([{ kind: 'managed', domainName: 'mqtt.example.com', alternativeNames: [] }]);
    expect(m.dnsRecords).toEqual([{ name: 'mqtt.example.com', type: 'A' }, { name: 'play.example.com', type: 'A' }]);
  });
});

/** The game-server example's options, without engine-typed targets. */
export const GAME_SERVER_OPTIONS: TcpEngineOptions = {
  elasticIps: true,
  managedCertificates: [{ domainName: 'mqtt.example.com' }],
  aliasRecordNames: ['play.example.com', 'mqtt.example.com'],
  listeners: [
    { name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true },
    { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, healthCheck: { port: 7777 } },
    { name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883 },
    { name: 'mqtt-mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, proxyProtocolV2: true },
  ],
};

const HAND_PICKED: [string, TcpEngineOptions][] = [
  ['the game-server options through the harness', GAME_SERVER_OPTIONS],
  ['minimal: one TCP listener', { listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP }] }],
  ['everything away from the defaults: internal, dual stack, named, cross-zone and protection off, zonal shift, AZ DNS affinity, longest TCP idle timeout', {
    internetFacing: false,
    ipAddressType: IpAddressType.DUALSTACK,
    allowedCidrs: ['10.0.0.0/8', 'fd00::/8'],
    loadBalancerName: 'private-nlb',
    crossZone: false,
    deletionProtection: false,
    zonalShift: true,
    dnsClientRoutingPolicy: DnsClientRoutingPolicy.AVAILABILITY_ZONE_AFFINITY,
    listeners: [
      { name: 'dns', port: 53, protocol: ListenerProtocol.TCP, targetType: TargetType.INSTANCE, preserveClientIp: false, healthCheck: { port: 8053 } },
      { name: 'redis', port: 6379, protocol: ListenerProtocol.TCP, deregistrationDelaySeconds: 0, proxyProtocolV2: true, idleTimeoutSeconds: 6000 },
    ],
  }],
  ['TCP_UDP on an internal IPv4 NLB (dual stack takes no UDP in lbkit): instance targets, client IP not preserved, health on a side port', {
    internetFacing: false,
    ipAddressType: IpAddressType.IPV4,
    allowedCidrs: ['10.0.0.0/8'],
    listeners: [{ name: 'dns', port: 53, protocol: ListenerProtocol.TCP_UDP, targetType: TargetType.INSTANCE, preserveClientIp: false, healthCheck: { port: 8053 } }],
  }],
  ['TLS: imported and managed certificates on two terminated listeners, TLS to the targets, ALPN, logs with a prefix', {
    certificateArns: [CERT_ARN_2, CERT_ARN_1],
    managedCertificates: [{ domainName: 'b.example.com', alternativeNames: ['c.example.com'] }, { domainName: 'a.example.com' }],
    accessLogs: { prefix: 'nlb/tls', expirationDays: 14 },
    listeners: [
      { name: 'grpc', port: 443, protocol: ListenerProtocol.TLS, targetPort: 50051, targetTls: true, alpnPolicy: 'HTTP2Preferred' },
      { name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883, sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' },
    ],
  }],
  ['existing log bucket, HTTP and HTTPS health checks with custom timings, shortest idle timeout on a passthrough listener', {
    certificateArns: [CERT_ARN_1],
    accessLogBucketName: 'central-logs',
    listeners: [
      { name: 'web', port: 443, protocol: ListenerProtocol.TLS, targetPort: 8080, healthCheck: { path: '/ready', intervalSeconds: 10, timeoutSeconds: 6, healthyThreshold: 3, unhealthyThreshold: 4, healthyHttpCodes: '200-399' } },
      { name: 'admin', port: 9443, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, idleTimeoutSeconds: 60, healthCheck: { protocol: HealthCheckProtocol.HTTPS, path: '/healthz', port: 9444 } },
    ],
  }],
  ['logs off with a TLS listener, alias records with dual stack', {
    certificateArns: [CERT_ARN_1],
    dualStack: true,
    accessLogs: { enabled: false },
    aliasRecordNames: ['z.example.com', 'a.example.com'],
    listeners: [{ name: 'smtp', port: 465, protocol: ListenerProtocol.TLS, targetPort: 25 }],
  }],
];

describe('hand-picked options: read(cloudformation) == read(terraform) == read(cdktn) == plan', () => {
  test.each(HAND_PICKED)('%s', (_, options) => {
    expectThreeWay(options);
  });
});

describe('the invariant notices an NLB renderer that deviates from the contract', () => {
  const options: TcpEngineOptions = { listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP }] };

  test('CloudFormation: a listener without its lbkit:listener metadata, stickiness left out', () => {
    const { output, plan } = CLOUDFORMATION.synthTcp(options);
    const [id, listener] = Object.entries(output.Resources as Record<string, any>).find(([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::Listener')!;
    delete listener.Metadata;
    const group = Object.values(output.Resources as Record<string, any>).find((r) => r.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup');
    group.Properties.TargetGroupAttributes = group.Properties.TargetGroupAttributes.filter((a: any) => !a.Key.startsWith('stickiness.'));
    expect(modelDifferences(normalizeModel(plan.model), normalizeModel(CLOUDFORMATION.read(output)[0]))).toEqual([
      `model.listeners[0].name: "game" ≠ ${JSON.stringify(id)}`,
      'model.targetGroups[0].sourceIpAffinity: true ≠ false',
    ]);
  });

  test('both engines: a TCP listener\'s idle timeout left out reads as AWS\'s 350 s, not the plan\'s', () => {
    const idle: TcpEngineOptions = { listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP, idleTimeoutSeconds: 1800 }] };
    const cfn = CLOUDFORMATION.synthTcp(idle);
    const cfnListener = Object.values(cfn.output.Resources as Record<string, any>).find((r) => r.Type === 'AWS::ElasticLoadBalancingV2::Listener');
    expect(cfnListener.Properties.ListenerAttributes).toEqual([{ Key: 'tcp.idle_timeout.seconds', Value: '1800' }]);
    delete cfnListener.Properties.ListenerAttributes;
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(CLOUDFORMATION.read(cfn.output)[0]))).toEqual(['model.listeners[0].idleTimeoutSeconds: 1800 ≠ 350']);
    const tf = TERRAFORM.synthTcp(idle);
    const tfListener = Object.values(tf.output.resource.aws_lb_listener as Record<string, any>)[0];
    expect(tfListener.tcp_idle_timeout_seconds).toBe(1800);
    delete tfListener.tcp_idle_timeout_seconds;
    expect(modelDifferences(normalizeModel(tf.plan.model), normalizeModel(TERRAFORM.read(tf.output)[0]))).toEqual(['model.listeners[0].idleTimeoutSeconds: 1800 ≠ 350']);
  });

  test('both engines: zonal shift and the DNS client routing policy left out read as AWS\'s defaults, not the plan\'s', () => {
    const zonal: TcpEngineOptions = {
      crossZone: false,
      zonalShift: true,
      dnsClientRoutingPolicy: DnsClientRoutingPolicy.PARTIAL_AVAILABILITY_ZONE_AFFINITY,
      listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP }],
    };
    const expected = ['model.attributes.dnsClientRoutingPolicy: "partial_availability_zone_affinity" ≠ "any_availability_zone"', 'model.attributes.zonalShift: true ≠ false'];
    const cfn = CLOUDFORMATION.synthTcp(zonal);
    const cfnLb = Object.values(cfn.output.Resources as Record<string, any>).find((r) => r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    const zonalKeys = ['zonal_shift.config.enabled', 'dns_record.client_routing_policy'];
    expect(cfnLb.Properties.LoadBalancerAttributes.filter((a: any) => zonalKeys.includes(a.Key))).toEqual([
      { Key: 'zonal_shift.config.enabled', Value: 'true' },
      { Key: 'dns_record.client_routing_policy', Value: 'partial_availability_zone_affinity' },
    ]);
    cfnLb.Properties.LoadBalancerAttributes = cfnLb.Properties.LoadBalancerAttributes.filter((a: any) => !zonalKeys.includes(a.Key));
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(CLOUDFORMATION.read(cfn.output)[0])).sort()).toEqual(expected);
    const tf = TERRAFORM.synthTcp(zonal);
    const tfLb = Object.values(tf.output.resource.aws_lb as Record<string, any>)[0];
    expect([tfLb.enable_zonal_shift, tfLb.dns_record_client_routing_policy]).toEqual([true, 'partial_availability_zone_affinity']);
    delete tfLb.enable_zonal_shift;
    delete tfLb.dns_record_client_routing_policy;
    expect(modelDifferences(normalizeModel(tf.plan.model), normalizeModel(TERRAFORM.read(tf.output)[0])).sort()).toEqual(expected);
  });

  test('both engines: an NLB\'s LCU reservation left out reads as none, not the plan\'s', () => {
    const reserved: TcpEngineOptions = { listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP }], minimumCapacityUnits: 5500 };
    const cfn = CLOUDFORMATION.synthTcp(reserved);
    const cfnLb = Object.values(cfn.output.Resources as Record<string, any>).find((r) => r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(cfnLb.Properties.MinimumLoadBalancerCapacity).toEqual({ CapacityUnits: 5500 });
    delete cfnLb.Properties.MinimumLoadBalancerCapacity;
    expect(modelDifferences(normalizeModel(cfn.plan.model), normalizeModel(CLOUDFORMATION.read(cfn.output)[0]))).toEqual(['model.minimumCapacityUnits: 5500 ≠ undefined']);
    const tf = TERRAFORM.synthTcp(reserved);
    const tfLb = Object.values(tf.output.resource.aws_lb as Record<string, any>)[0];
    expect(tfLb.minimum_load_balancer_capacity).toEqual({ capacity_units: 5500 });
    delete tfLb.minimum_load_balancer_capacity;
    expect(modelDifferences(normalizeModel(tf.plan.model), normalizeModel(TERRAFORM.read(tf.output)[0]))).toEqual(['model.minimumCapacityUnits: 5500 ≠ undefined']);
  });

  test('Terraform: cross-zone left out, a UDP ingress rule written as TCP', () => {
    const { output, plan } = TERRAFORM.synthTcp({ listeners: [{ name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } }] });
    delete (Object.values(output.resource.aws_lb as Record<string, any>)[0]).enable_cross_zone_load_balancing;
    (Object.values(output.resource.aws_vpc_security_group_ingress_rule as Record<string, any>)[0]).ip_protocol = 'tcp';
    expect(modelDifferences(normalizeModel(plan.model), normalizeModel(TERRAFORM.read(output)[0]))).toEqual([
      'model.attributes.crossZone: true ≠ false',
      'model.securityGroup.ingress[0].protocol: "udp" ≠ "tcp"',
    ]);
  });
});
