import { TerraformResource, Testing } from 'cdktf';
import { harness, minimalProps, TfJson, ZONE_ID } from './fixtures';
import { gfProps } from './global-failover/fixtures';
import { minimalProps as tcpProps } from './tcp-service/fixtures';
import { GlobalFailover, TcpServiceLoadBalancer, WebApiLoadBalancer } from '../../src/cdktf';
import { ListenerProtocol } from '../../src/core';
import { readTerraformOutput } from '../../src/readers/terraform';

/** The configuration's resource a construct's exposed provider resource is, by type and logical id: it must be there. */
function inConfig(tf: TfJson, resource: TerraformResource): Record<string, any> {
  const found = tf.resource[resource.terraformResourceType]?.[resource.friendlyUniqueId];
  expect(found).toBeDefined();
  return found;
}

function webApi(): { h: ReturnType<typeof harness>; lb: WebApiLoadBalancer } {
  const h = harness();
  const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps({
    routes: [
      { name: 'api', paths: ['/api/*'], port: 8080 },
      { name: 'web', paths: ['/web/*'], port: 3000 },
    ],
    hostedZoneId: ZONE_ID,
    aliasRecordNames: ['api.example.com'],
  }));
  return { h, lb };
}

describe('WebApiLoadBalancer.resources (Terraform)', () => {
  test('every resource it exposes is the one in the configuration, by role', () => {
    const { h, lb } = webApi();
    const r = lb.resources;
    const tf: TfJson = JSON.parse(Testing.synth(h.stack));
    inConfig(tf, r.loadBalancer);
    inConfig(tf, r.securityGroup);
    inConfig(tf, r.accessLogBucket!);
    inConfig(tf, r.accessLogBucketPolicy!);
    inConfig(tf, r.webAcl!);
    inConfig(tf, r.webAclAssociation!);
    expect(r.listenerPorts).toEqual([80, 443]);
    expect(inConfig(tf, r.listener(443)).protocol).toBe('HTTPS');
    expect(inConfig(tf, r.listener(80)).protocol).toBe('HTTP');
    expect([...r.ruleRoutes].sort()).toEqual(['api', 'web']);
    for (const route of r.ruleRoutes) expect(inConfig(tf, r.rule(route)).tags['lbkit:route']).toBe(route);
    expect(r.targetGroupNames).toEqual(['api', 'web']);
    for (const name of r.targetGroupNames) expect(inConfig(tf, r.targetGroup(name)).tags['lbkit:route']).toBe(name);
    expect(r.aliasRecords.map((record) => inConfig(tf, record).type)).toEqual(['A']);
  });

  test('the README override: an argument lbkit does not model reaches the configuration, and the reader reports it', () => {
    const { h, lb } = webApi();
    // As in README.md, "When lbkit does not model it".
    lb.resources.loadBalancer.addOverride('preserve_host_header', true);
    const tf: TfJson = JSON.parse(Testing.synth(h.stack));
    expect(inConfig(tf, lb.resources.loadBalancer).preserve_host_header).toBe(true);
    expect(readTerraformOutput(tf).unmodeled).toEqual([
      { resource: `aws_lb.${lb.resources.loadBalancer.friendlyUniqueId}`, resourceType: 'aws_lb', property: 'preserve_host_header' },
    ]);
  });

  test('an override of something lbkit models is read back as overridden (a rule condition, a priority)', () => {
    const { h, lb } = webApi();
    // addOverride appends to a list block (cdktf merges lists), so a list is replaced through the provider object.
    lb.resources.rule('api').putCondition([{ pathPattern: { values: ['/v2/*'] } }]);
    lb.resources.rule('api').addOverride('priority', 7);
    const tf: TfJson = JSON.parse(Testing.synth(h.stack));
    const [model] = readTerraformOutput(tf).models;
    const rule = model.kind === 'application' ? model.listeners.find((l) => l.port === 443)!.rules.find((x) => x.route === 'api')! : undefined;
    expect(rule?.conditions.pathPatterns).toEqual(['/v2/*']);
    expect(rule?.priority).toBe(7);
  });

  test('an unknown port, route or target group is one error listing the known ones, worded as on CloudFormation', () => {
    const { lb } = webApi();
    expect(() => lb.resources.listener(8443)).toThrow('Stack/Api: resources.listener(port) names none of the resources lbkit rendered (listener ports: 80, 443) (received: 8443)');
    expect(() => lb.resources.rule('nope')).toThrow(`resources.rule(route) names none of the resources lbkit rendered (routes with a listener rule: ${lb.resources.ruleRoutes.join(', ')}) (received: "nope")`);
    expect(() => lb.resources.targetGroup('nope')).toThrow('resources.targetGroup(name) names none of the resources lbkit rendered (target groups: api, web) (received: "nope")');
  });

  test('no access logs and no WAF: those roles are absent', () => {
    const h = harness();
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps({ accessLogs: { enabled: false }, waf: { enabled: false } }));
    expect(lb.resources.accessLogBucket).toBeUndefined();
    expect(lb.resources.accessLogBucketPolicy).toBeUndefined();
    expect(lb.resources.webAcl).toBeUndefined();
    expect(lb.resources.webAclAssociation).toBeUndefined();
    expect(lb.resources.aliasRecords).toEqual([]);
  });
});

describe('TcpServiceLoadBalancer.resources (Terraform)', () => {
  test('the listener by port and the target group by listener name are the configuration\'s; a modeled override reads back', () => {
    const h = harness();
    const lb = new TcpServiceLoadBalancer(h.stack, 'Nlb', tcpProps({
      listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP }, { name: 'chat', port: 7000, protocol: ListenerProtocol.TCP }],
    }));
    lb.resources.targetGroup('game').addOverride('health_check.interval', 5);
    const tf: TfJson = JSON.parse(Testing.synth(h.stack));
    inConfig(tf, lb.resources.loadBalancer);
    inConfig(tf, lb.resources.securityGroup!);
    expect([...lb.resources.listenerPorts].sort()).toEqual([7000, 7777]);
    expect(inConfig(tf, lb.resources.listener(7000)).port).toBe(7000);
    expect(inConfig(tf, lb.resources.targetGroup('game')).health_check.interval).toBe(5);
    expect(() => lb.resources.listener(1)).toThrow(`resources.listener(port) names none of the resources lbkit rendered (listener ports: ${lb.resources.listenerPorts.join(', ')}) (received: 1)`);
    expect(() => lb.resources.targetGroup('x')).toThrow('(target groups: ');
    const [model] = readTerraformOutput(tf).models;
    expect(model.targetGroups.find((g) => g.name === 'game')!.healthCheck.intervalSeconds).toBe(5);
  });
});

describe('GlobalFailover.resources (Terraform)', () => {
  test('health checks and alarms by endpoint, and the records, are the configuration\'s', () => {
    const h = harness('us-east-1');
    const gf = new GlobalFailover(h.stack, 'Global', gfProps());
    gf.resources.alarm('eu').addOverride('alarm_actions', ['arn:aws:sns:us-east-1:111111111111:pager']);
    const tf: TfJson = JSON.parse(Testing.synth(h.stack));
    expect(gf.resources.healthCheckedEndpoints).toEqual(['eu', 'us']);
    expect(inConfig(tf, gf.resources.healthCheck('eu')).tags['lbkit:endpoint']).toBe('eu');
    expect(inConfig(tf, gf.resources.alarm('eu')).alarm_actions).toEqual(['arn:aws:sns:us-east-1:111111111111:pager']);
    expect(gf.resources.records.map((r) => inConfig(tf, r).set_identifier)).toEqual(['eu', 'us']);
    expect(() => gf.resources.healthCheck('ap')).toThrow('Stack/Global: resources.healthCheck(endpointName) names none of the resources lbkit rendered (endpoints with a health check: eu, us) (received: "ap")');
    expect(() => gf.resources.alarm('ap')).toThrow('(endpoints with a health-check alarm: eu, us) (received: "ap")');
  });
});
