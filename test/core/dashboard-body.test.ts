import { FACTS } from './fixtures';
import { ListenerProtocol } from '../../src/core';
import { DashboardModel, MetricScopeModel } from '../../src/core/model/monitoring-model';
import { parseDashboardBody, renderDashboardBody } from '../../src/core/plan/dashboard-body';
import { planTcpService } from '../../src/core/plan/tcp-service-plan';
import { planWebApi } from '../../src/core/plan/web-api-plan';

const REFS = {
  loadBalancer: 'app/api/0123456789abcdef',
  targetGroup: (name: string) => `targetgroup/${name}/fedcba9876543210`,
  webAclName: 'api-acl',
  region: 'eu-west-1',
};

/** Reads a parsed body back into the model's scopes, as a reader would with its references. */
function scopeOf(dimensions: ReadonlyArray<readonly [string, string]>): MetricScopeModel {
  const tg = dimensions.find(([name]) => name === 'TargetGroup');
  if (tg) return { kind: 'target-group', targetGroup: tg[1].split('/')[1] };
  if (dimensions.some(([name]) => name === 'WebACL')) return { kind: 'web-acl' };
  return { kind: 'load-balancer' };
}

function roundTrip(dashboard: DashboardModel): DashboardModel {
  return {
    widgets: parseDashboardBody(renderDashboardBody(dashboard, REFS)).map((w) => ({
      ...w,
      metrics: w.metrics.map(({ dimensions, ...m }) => ({ ...m, scope: scopeOf(dimensions) })),
    })),
  };
}

describe('the dashboard body', () => {
  const alb = planWebApi({ routes: [{ name: 'orders', paths: ['/orders/*'] }, { name: 'users', paths: ['/users/*'] }] }, FACTS).model;
  const nlbFacts = { ...FACTS, name: 'Game', path: 'Stack/Game', importedCertificateArns: [] as string[] };
  const nlb = planTcpService({ listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP }] }, nlbFacts).model;

  test('an ALB dashboard parses back to the model it was written from', () => {
    expect(alb.monitoring.dashboard).toBeDefined();
    expect(roundTrip(alb.monitoring.dashboard!)).toEqual(alb.monitoring.dashboard);
  });

  test('an NLB dashboard parses back to the model it was written from', () => {
    expect(roundTrip(nlb.monitoring.dashboard!)).toEqual(nlb.monitoring.dashboard);
  });

  test('every metric widget names the region and the dimensions of its scope', () => {
    const body = JSON.parse(renderDashboardBody(alb.monitoring.dashboard!, REFS));
    expect(body.widgets.every((w: { properties: { region: string } }) => w.properties.region === 'eu-west-1')).toBe(true);
    const health = body.widgets.find((w: { properties: { title: string } }) => w.properties.title === 'Target health');
    expect(health.properties.metrics[0]).toEqual(['AWS/ApplicationELB', 'HealthyHostCount', 'TargetGroup', 'targetgroup/orders/fedcba9876543210',
      'LoadBalancer', 'app/api/0123456789abcdef', { stat: 'Minimum', period: 60, label: 'orders healthy' }]);
    const waf = body.widgets.find((w: { properties: { title: string } }) => w.properties.title === 'WAF blocked requests');
    expect(waf.properties.metrics[0].slice(0, 8)).toEqual(['AWS/WAFV2', 'BlockedRequests', 'WebACL', 'api-acl', 'Region', 'eu-west-1', 'Rule', 'ALL']);
  });

  test('the same model gives the same text (deterministic output)', () => {
    expect(renderDashboardBody(alb.monitoring.dashboard!, REFS)).toBe(renderDashboardBody(alb.monitoring.dashboard!, REFS));
  });

  test.each([
    ['not JSON', '{"widgets":', /is not JSON/],
    ['no widgets', '{}', /no "widgets" list/],
    ['a text widget', '{"widgets":[{"type":"text","x":0,"y":0,"width":6,"height":6,"properties":{"markdown":"hi"}}]}', /type "text"/],
    ['an odd dimension list', '{"widgets":[{"type":"metric","x":0,"y":0,"width":6,"height":6,"properties":{"metrics":[["AWS/ApplicationELB","RequestCount","LoadBalancer",{"stat":"Sum"}]]}}]}', /dimension name\/value pairs/],
    ['a position that is not a number', '{"widgets":[{"type":"metric","x":"0","y":0,"width":6,"height":6,"properties":{"metrics":[]}}]}', /x "0"/],
  ])('a body with %s is refused with a message that says why', (_what, text, message) => {
    expect(() => parseDashboardBody(text)).toThrow(message);
  });
});
