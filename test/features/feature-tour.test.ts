import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createApp as createCdkApp } from '../../examples/feature-tour-cdk/app';
import { createApp as createTfApp } from '../../examples/feature-tour-cdktf/main';
import { AnyLoadBalancerModel, isApplicationModel } from '../../src/core/model/any-load-balancer-model';
import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../../src/core/model/network-load-balancer-model';
import { readSynthesizedFile } from '../../src/readers';
import { modelDifferences } from '../support/engines';

/** The planned model of one of the stack's load balancers (the construct keeps its plan as `_plan`). */
function plannedModel(stack: { node: { findChild(id: string): { node: { findAll(): unknown[] } } } }, id: string): AnyLoadBalancerModel {
  const holder = stack.node.findChild(id).node.findAll().find((c) => (c as { _plan?: unknown })._plan !== undefined);
  return (holder as { _plan: { model: AnyLoadBalancerModel } })._plan.model;
}

/**
 * The feature tour sets, between its two load balancers, the options the other examples leave at their
 * defaults. On both engines it must read back as its plan and as each other, and hold each option.
 */
describe('the feature-tour example: read(cloudformation) == read(terraform) == plan, every toured option present', () => {
  let dir: string;
  const read: Record<'cloudformation' | 'terraform', AnyLoadBalancerModel[]> = { cloudformation: [], terraform: [] };
  const planned: Record<'cloudformation' | 'terraform', AnyLoadBalancerModel[]> = { cloudformation: [], terraform: [] };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lbkit-feature-tour-'));
    const cdkApp = createCdkApp(join(dir, 'cdk.out'));
    cdkApp.synth();
    const cdkStack = cdkApp.node.findChild('FeatureTourStack');
    read.cloudformation = readSynthesizedFile(join(dir, 'cdk.out', 'FeatureTourStack.template.json')).models;
    planned.cloudformation = ['Api', 'Tcp'].map((id) => plannedModel(cdkStack, id));
    const tfApp = createTfApp(join(dir, 'cdktf.out'));
    tfApp.synth();
    read.terraform = readSynthesizedFile(join(dir, 'cdktf.out', 'stacks', 'feature-tour', 'cdk.tf.json')).models;
    planned.terraform = ['Api', 'Tcp'].map((id) => plannedModel(tfApp.node.findChild('feature-tour'), id));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const byName = (models: AnyLoadBalancerModel[]) => [...models].sort((a, b) => (a.name < b.name ? -1 : 1));

  test.each(['cloudformation', 'terraform'] as const)('%s output reads back as its plan (both load balancers)', (engine) => {
    expect(read[engine].map((m) => m.name).sort()).toEqual(['Api', 'Tcp']);
    expect(modelDifferences(normalizeModel(byName(planned[engine])), normalizeModel(byName(read[engine])))).toEqual([]);
  });

  test('both engines read as the same models, but for the health-check logs only CloudFormation can write', () => {
    const cloudformation = byName(read.cloudformation);
    const alb = cloudformation.find(isApplicationModel)!;
    expect(alb.healthCheckLogs).toEqual({ enabled: true, prefix: 'health-check-logs' });
    expect(read.terraform.find(isApplicationModel)!.healthCheckLogs).toEqual({ enabled: false });
    const withoutHealthCheckLogs = cloudformation.map((m) => (m === alb ? { ...alb, healthCheckLogs: { enabled: false } } : m));
    expect(normalizeModel(withoutHealthCheckLogs)).toEqual(normalizeModel(byName(read.terraform)));
  });

  test.each(['cloudformation', 'terraform'] as const)('%s output holds every toured option', (engine) => {
    const alb = read[engine].find(isApplicationModel)!;
    const nlb = read[engine].find((m) => m.kind === 'network') as NetworkLoadBalancerModel;
    expect(alb.minimumCapacityUnits).toBe(100);
    expect(alb.ipAddressType).toBe('dualstack-without-public-ipv4');
    expect(alb.dnsRecords).toEqual([{ name: 'tour.example.com', type: 'A' }, { name: 'tour.example.com', type: 'AAAA' }]);
    expect(alb.connectionLogs).toEqual({ enabled: true, prefix: 'tls/connections' });
    expect(nlb.ipAddressType).toBe('dualstack');
    const lambdaHealthCheck = { path: '/thumbnails/health', intervalSeconds: 35, timeoutSeconds: 30, healthyThreshold: 5, unhealthyThreshold: 2, matcher: '200' };
    expect(alb.lambdaTargetGroups).toEqual([{ name: 'thumbnails', multiValueHeaders: true, healthCheck: lambdaHealthCheck }]);
    expect(nlb.minimumCapacityUnits).toBe(5500);
    expect(nlb.attributes).toMatchObject({ crossZone: false, zonalShift: true, dnsClientRoutingPolicy: 'availability_zone_affinity' });
    expect(nlb.listeners.map((l) => [l.name, l.idleTimeoutSeconds])).toEqual([['feed', 1800]]);
  });
});
