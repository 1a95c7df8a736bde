import { cfnTemplate, tfConfig } from './fixtures';
import { NLB_CERT_ARN, nlbConfig, nlbTemplate } from './network-fixtures';
import { AnyLoadBalancerModel, isNetworkModel } from '../../src/core/model/any-load-balancer-model';
import { normalizeModel, REFERENCE } from '../../src/core/model/load-balancer-model';
import { NetworkLoadBalancerModel, NlbTargetGroupModel } from '../../src/core/model/network-load-balancer-model';
import { LbkitConfigError, readCloudFormation, readSynthesized, readTerraform } from '../../src/readers';

const GAME: NlbTargetGroupModel = {
  name: 'game',
  protocol: 'TCP',
  port: 7777,
  targetType: 'ip',
  deregistrationDelaySeconds: 3600,
  connectionTermination: true,
  sourceIpAffinity: true,
  preserveClientIp: true,
  proxyProtocolV2: false,
  healthCheck: { protocol: 'TCP', port: 'traffic-port', intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
};

/** A TCP_UDP group with nothing set, as AWS defaults it (CloudFormation: healthy 5, unhealthy 2). */
const BARE_DNS: NlbTargetGroupModel = {
  name: 'DnsGroup',
  protocol: 'TCP_UDP',
  port: 53,
  targetType: 'instance',
  deregistrationDelaySeconds: 300,
  connectionTermination: false,
  sourceIpAffinity: false,
  preserveClientIp: true,
  proxyProtocolV2: false,
  healthCheck: { protocol: 'TCP', port: 'traffic-port', intervalSeconds: 30, timeoutSeconds: 10, healthyThreshold: 5, unhealthyThreshold: 2 },
};

const MQTT: NlbTargetGroupModel = {
  name: 'mqtt',
  protocol: 'TCP',
  port: 1883,
  targetType: 'ip',
  deregistrationDelaySeconds: 300,
  connectionTermination: false,
  sourceIpAffinity: false,
  preserveClientIp: false,
  proxyProtocolV2: true,
  healthCheck: { protocol: 'HTTP', path: '/health', port: '8080', intervalSeconds: 10, timeoutSeconds: 6, healthyThreshold: 3, unhealthyThreshold: 3, matcher: '200-299' },
};

const VOICE: NlbTargetGroupModel = {
  ...GAME,
  name: 'voice',
  protocol: 'UDP',
  port: 7778,
  connectionTermination: false,
  healthCheck: { ...GAME.healthCheck, port: '7777' },
};

const EXPECTED: NetworkLoadBalancerModel = {
  kind: 'network',
  name: 'Game',
  loadBalancerName: 'game-nlb',
  scheme: 'internet-facing',
  ipAddressType: 'dualstack',
  attributes: { crossZone: true, deletionProtection: true, zonalShift: false, dnsClientRoutingPolicy: 'any_availability_zone' },
  accessLogs: { enabled: true, bucket: { kind: 'managed', expirationDays: 30 }, prefix: 'nlb' },
  securityGroup: {
    ingress: [
      { protocol: 'tcp', port: 53, cidr: '0.0.0.0/0' },
      { protocol: 'udp', port: 53, cidr: '0.0.0.0/0' },
      { protocol: 'tcp', port: 7777, cidr: '0.0.0.0/0' },
      { protocol: 'udp', port: 7778, cidr: '0.0.0.0/0' },
      { protocol: 'udp', port: 7778, cidr: '::/0' },
      { protocol: 'tcp', port: 8883, cidr: '0.0.0.0/0' },
      { protocol: 'tcp', port: 8993, cidr: '0.0.0.0/0' },
    ],
    egress: [
      { protocol: 'tcp', port: 1883, cidr: REFERENCE },
      { protocol: 'tcp', port: 7777, cidr: REFERENCE },
      { protocol: 'udp', port: 7778, cidr: REFERENCE },
    ],
  },
  elasticIps: true,
  certificates: [
    { kind: 'imported', arn: NLB_CERT_ARN },
    { kind: 'managed', domainName: 'mqtt.example.com', alternativeNames: ['broker.example.com'] },
  ],
  listeners: [
    { name: 'DnsListener', port: 53, protocol: 'TCP_UDP', targetGroup: 'DnsGroup' },
    { name: 'game', port: 7777, protocol: 'TCP', idleTimeoutSeconds: 350, targetGroup: 'game' },
    { name: 'voice', port: 7778, protocol: 'UDP', targetGroup: 'voice' },
    { name: 'mqtt', port: 8883, protocol: 'TLS', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09', alpnPolicy: 'HTTP2Preferred', targetGroup: 'mqtt' },
    { name: 'mqtts', port: 8993, protocol: 'TLS', sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06', alpnPolicy: 'None', targetGroup: 'mqtt' },
  ],
  targetGroups: [BARE_DNS, GAME, MQTT, VOICE],
  dnsRecords: [{ name: 'play.example.com', type: 'A' }, { name: 'play.example.com', type: 'AAAA' }],
  monitoring: { alarms: [] },
};

/** Terraform names the listener and group without lbkit keys by resource name, and the provider's thresholds are 3 and 3. */
const EXPECTED_TF: NetworkLoadBalancerModel = {
  ...EXPECTED,
  targetGroups: [{ ...BARE_DNS, healthCheck: { ...BARE_DNS.healthCheck, healthyThreshold: 3, unhealthyThreshold: 3 } }, GAME, MQTT, VOICE],
};

function network(models: AnyLoadBalancerModel[]): NetworkLoadBalancerModel {
  expect(models).toHaveLength(1);
  expect(isNetworkModel(models[0])).toBe(true);
  return models[0] as NetworkLoadBalancerModel;
}

/** The template with every logical id prefixed (and every reference to it). */
function prefixCfn(template: Record<string, any>, prefix: string): Record<string, any> {
  let text = JSON.stringify(template);
  for (const id of Object.keys(template.Resources)) {
    text = text.replace(new RegExp(`"Ref":"${id}"`, 'g'), `"Ref":"${prefix}${id}"`).replace(new RegExp(`\\["${id}",`, 'g'), `["${prefix}${id}",`);
  }
  const out = JSON.parse(text);
  out.Resources = Object.fromEntries(Object.entries(out.Resources).map(([id, r]) => [`${prefix}${id}`, r]));
  return out;
}

/** The configuration with every resource name prefixed (and every interpolation of it). */
function prefixTf(config: Record<string, any>, prefix: string): Record<string, any> {
  const out = JSON.parse(JSON.stringify(config).replace(/\$\{(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\./g, `\${$1.${prefix}$2.`));
  for (const [type, byName] of Object.entries(out.resource as Record<string, object>)) {
    out.resource[type] = Object.fromEntries(Object.entries(byName).map(([name, body]) => [`${prefix}${name}`, body]));
  }
  return out;
}

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LbkitConfigError);
    expect((e as Error).message).not.toMatch(/\n/);
    return (e as Error).message;
  }
  throw new Error('expected an LbkitConfigError');
}

describe('readCloudFormation: network load balancers', () => {
  test('reads every field of NetworkLoadBalancerModel', () => {
    expect(readCloudFormation(nlbTemplate())).toEqual([EXPECTED]);
  });

  test('fills AWS defaults for an NLB with nothing set: cross-zone off, no protection, no logs, no Elastic IPs', () => {
    const t = nlbTemplate();
    t.Resources.Lb.Properties = { Type: 'network', Subnets: ['subnet-a', 'subnet-b'] };
    const m = network(readCloudFormation(t));
    expect(m.name).toBe('Lb');
    expect(m).toMatchObject({ scheme: 'internet-facing', ipAddressType: 'ipv4', attributes: { crossZone: false, deletionProtection: false }, accessLogs: { enabled: false }, elasticIps: false });
    expect(m.securityGroup).toEqual({ ingress: [], egress: [] });
    expect(m.loadBalancerName).toBeUndefined();
  });

  test('subnet mappings without allocations are no Elastic IPs; an internal NLB; an existing log bucket', () => {
    const t = nlbTemplate();
    t.Resources.Lb.Properties.SubnetMappings = [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }];
    t.Resources.Lb.Properties.Scheme = 'internal';
    t.Resources.Lb.Properties.LoadBalancerAttributes = [
      { Key: 'access_logs.s3.enabled', Value: 'true' },
      { Key: 'access_logs.s3.bucket', Value: 'central-logs' },
    ];
    const m = network(readCloudFormation(t));
    expect(m.elasticIps).toBe(false);
    expect(m.scheme).toBe('internal');
    expect(m.accessLogs).toEqual({ enabled: true, bucket: { kind: 'existing', bucketName: 'central-logs' } });
  });

  test('client IP preservation defaults: off for IP targets behind TCP and TLS groups, on otherwise', () => {
    const t = nlbTemplate();
    for (const id of ['GameGroup', 'VoiceGroup']) {
      t.Resources[id].Properties.TargetGroupAttributes = t.Resources[id].Properties.TargetGroupAttributes.filter((a: any) => a.Key !== 'preserve_client_ip.enabled');
    }
    t.Resources.DnsGroup.Properties.TargetType = 'ip';
    const groups = network(readCloudFormation(t)).targetGroups;
    expect(Object.fromEntries(groups.map((g) => [g.name, g.preserveClientIp]))).toEqual({ DnsGroup: true, game: false, mqtt: false, voice: true });
  });

  test('an HTTPS health check without path or matcher reads AWS defaults: /, 200-399, timeout 10 s', () => {
    const t = nlbTemplate();
    const p = t.Resources.MqttGroup.Properties;
    p.HealthCheckProtocol = 'HTTPS';
    delete p.HealthCheckPath;
    delete p.Matcher;
    delete p.HealthCheckTimeoutSeconds;
    expect(network(readCloudFormation(t)).targetGroups[2].healthCheck).toEqual({
      protocol: 'HTTPS', path: '/', port: '8080', intervalSeconds: 10, timeoutSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 3, matcher: '200-399',
    });
  });

  test('a listener forwarding to a target group of another stack reads as a reference, without a group', () => {
    const t = nlbTemplate();
    t.Resources.DnsListener.Properties.DefaultActions = [{ Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/x/1' }];
    const m = network(readCloudFormation(t));
    expect(m.listeners[0].targetGroup).toBe(REFERENCE);
    expect(m.targetGroups.map((g) => g.name)).toEqual(['game', 'mqtt', 'voice']);
  });
});

describe('readTerraform: network load balancers', () => {
  test('reads the same model from the Terraform form', () => {
    expect(readTerraform(nlbConfig())).toEqual([EXPECTED_TF]);
  });

  test('fills provider defaults for an NLB with nothing set and names it by its resource name', () => {
    const c = nlbConfig();
    c.resource.aws_lb.lb = { load_balancer_type: 'network', subnets: ['subnet-a'] };
    const m = network(readTerraform(c));
    expect(m.name).toBe('lb');
    expect(m).toMatchObject({ attributes: { crossZone: false, deletionProtection: false }, accessLogs: { enabled: false }, elasticIps: false, ipAddressType: 'ipv4' });
  });

  test('a stickiness block that is disabled is no affinity', () => {
    const c = nlbConfig();
    c.resource.aws_lb_target_group.game.stickiness = { enabled: false, type: 'source_ip' };
    expect(network(readTerraform(c)).targetGroups[1].sourceIpAffinity).toBe(false);
  });
});

describe('both readers on network load balancers', () => {
  test('agree once engine-specific defaults are written out', () => {
    const t = nlbTemplate();
    Object.assign(t.Resources.DnsGroup.Properties, { HealthyThresholdCount: 3, UnhealthyThresholdCount: 3 });
    expect(normalizeModel(readCloudFormation(t))).toEqual(normalizeModel(readTerraform(nlbConfig())));
  });

  test('an ALB and an NLB in one output read as two models, sorted by name, each with only its own parts', () => {
    const alb = readCloudFormation(cfnTemplate());
    const t = cfnTemplate();
    Object.assign(t.Resources, prefixCfn(nlbTemplate(), 'N').Resources);
    const models = readCloudFormation(t);
    expect(models.map((m) => [m.kind, m.name])).toEqual([['application', 'Api'], ['network', 'Game']]);
    expect(models[0]).toEqual(alb[0]);
    expect(models[1]).toEqual({
      ...EXPECTED,
      listeners: [{ ...EXPECTED.listeners[0], name: 'NDnsListener', targetGroup: 'NDnsGroup' }, ...EXPECTED.listeners.slice(1)],
      targetGroups: [{ ...BARE_DNS, name: 'NDnsGroup' }, ...EXPECTED.targetGroups.slice(1)],
    });

    const c = tfConfig();
    const n = prefixTf(nlbConfig(), 'n_');
    for (const [type, byName] of Object.entries(n.resource as Record<string, object>)) c.resource[type] = { ...c.resource[type], ...byName };
    const both = readTerraform(c);
    expect(both.map((m) => [m.kind, m.name])).toEqual([['application', 'Api'], ['network', 'Game']]);
    expect(both[0]).toEqual(readTerraform(tfConfig())[0]);
    expect((both[1] as NetworkLoadBalancerModel).listeners.map((l) => l.name)).toEqual(['n_DnsListener', 'game', 'voice', 'mqtt', 'mqtts']);
  });

  test('readSynthesized detects the engine of an NLB output', () => {
    expect(readSynthesized(nlbTemplate()).engine).toBe('cloudformation');
    expect(readSynthesized(nlbConfig()).models.map((m) => m.kind)).toEqual(['network']);
  });
});

describe('the TCP idle timeout of NLB listeners', () => {
  test('both readers read it back on TCP listeners; absent is AWS\'s 350 s', () => {
    const t = nlbTemplate();
    t.Resources.GameListener.Properties.ListenerAttributes = [{ Key: 'tcp.idle_timeout.seconds', Value: '1200' }];
    const c = nlbConfig();
    c.resource.aws_lb_listener.game.tcp_idle_timeout_seconds = 1200;
    const idle = (m: NetworkLoadBalancerModel) => m.listeners.map((l) => [l.name, l.idleTimeoutSeconds]);
    const expected = [['DnsListener', undefined], ['game', 1200], ['voice', undefined], ['mqtt', undefined], ['mqtts', undefined]];
    expect(idle(network(readCloudFormation(t)))).toEqual(expected);
    expect(idle(network(readTerraform(c)))).toEqual(expected);
    expect(network(readCloudFormation(nlbTemplate())).listeners[1].idleTimeoutSeconds).toBe(350);
    expect(network(readTerraform(nlbConfig())).listeners[1].idleTimeoutSeconds).toBe(350);
  });

  test('a value that is not a number is refused with the listener and the key', () => {
    const t = nlbTemplate();
    t.Resources.GameListener.Properties.ListenerAttributes = [{ Key: 'tcp.idle_timeout.seconds', Value: 'long' }];
    expect(configError(() => readCloudFormation(t))).toMatch(/listener GameListener tcp\.idle_timeout\.seconds: expected a number, got "long"/);
    const c = nlbConfig();
    c.resource.aws_lb_listener.game.tcp_idle_timeout_seconds = 'long';
    expect(configError(() => readTerraform(c))).toMatch(/listener aws_lb_listener\.game tcp_idle_timeout_seconds: expected a number, got "long"/);
  });
});

describe('zonal shift and the DNS client routing policy of NLBs', () => {
  test('both readers read them back; absent is AWS\'s: zonal shift off, any_availability_zone', () => {
    const t = nlbTemplate();
    t.Resources.Lb.Properties.LoadBalancerAttributes.push(
      { Key: 'zonal_shift.config.enabled', Value: 'true' }, { Key: 'dns_record.client_routing_policy', Value: 'availability_zone_affinity' });
    const c = nlbConfig();
    Object.assign(c.resource.aws_lb.lb, { enable_zonal_shift: true, dns_record_client_routing_policy: 'availability_zone_affinity' });
    const zonal = { zonalShift: true, dnsClientRoutingPolicy: 'availability_zone_affinity' };
    expect(network(readCloudFormation(t)).attributes).toMatchObject(zonal);
    expect(network(readTerraform(c)).attributes).toMatchObject(zonal);
    const defaults = { zonalShift: false, dnsClientRoutingPolicy: 'any_availability_zone' };
    expect(network(readCloudFormation(nlbTemplate())).attributes).toMatchObject(defaults);
    expect(network(readTerraform(nlbConfig())).attributes).toMatchObject(defaults);
  });

  test('a zonal shift that is not a boolean, a policy AWS does not know: refused with the load balancer and the key', () => {
    const t = nlbTemplate();
    t.Resources.Lb.Properties.LoadBalancerAttributes.push({ Key: 'zonal_shift.config.enabled', Value: 'yes' });
    expect(configError(() => readCloudFormation(t))).toMatch(/load balancer Lb zonal_shift\.config\.enabled: expected true or false, got "yes"/);
    const c = nlbConfig();
    c.resource.aws_lb.lb.dns_record_client_routing_policy = 'nearest';
    expect(configError(() => readTerraform(c))).toMatch(
      /load balancer aws_lb\.lb dns_record_client_routing_policy: expected one of any_availability_zone, availability_zone_affinity, partial_availability_zone_affinity, got "nearest"/);
  });
});

describe('network load balancers the model cannot hold', () => {
  test.each(['HTTP', 'HTTPS'])('a %s listener on an NLB', (protocol) => {
    const t = nlbTemplate();
    t.Resources.GameListener.Properties.Protocol = protocol;
    expect(configError(() => readCloudFormation(t)))
      .toBe(`CloudFormation template: listener GameListener on port 7777 uses protocol ${protocol}; a network load balancer is read with TCP, UDP, TCP_UDP, TLS, QUIC, TCP_QUIC listeners only`);
  });

  test('an ALB listener with an L4 protocol is still refused', () => {
    const c = tfConfig();
    c.resource.aws_lb_listener.https.protocol = 'TLS';
    expect(configError(() => readTerraform(c))).toMatch(/listener aws_lb_listener\.https on port 443 uses protocol TLS; an application load balancer is read with HTTP and HTTPS listeners only/);
  });

  test('an NLB listener with a weighted forward to two groups', () => {
    const c = nlbConfig();
    c.resource.aws_lb_listener.voice.default_action = [{
      type: 'forward',
      forward: { target_group: [{ arn: '${aws_lb_target_group.voice.arn}', weight: 1 }, { arn: '${aws_lb_target_group.game.arn}', weight: 1 }] },
    }];
    expect(configError(() => readTerraform(c)))
      .toBe("Terraform configuration: listener aws_lb_listener.voice on port 7778 forwards to 2 target groups; a network load balancer's listener forwards to exactly one target group");
  });

  test('an NLB listener with a fixed response', () => {
    const t = nlbTemplate();
    t.Resources.GameListener.Properties.DefaultActions = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }];
    expect(configError(() => readCloudFormation(t))).toMatch(/listener GameListener on port 7777 has a fixed-response action; a network load balancer's listener forwards/);
  });

  test('an NLB listener forwarding to an HTTP target group, and an ALB rule forwarding to a TCP one', () => {
    const t = nlbTemplate();
    t.Resources.GameGroup.Properties.Protocol = 'HTTP';
    expect(configError(() => readCloudFormation(t))).toMatch(/listener GameListener on port 7777 forwards to GameGroup, an HTTP target group; a network load balancer forwards to TCP, UDP, TCP_UDP, TLS, QUIC, TCP_QUIC target groups/);
    const a = cfnTemplate();
    a.Resources.bare.Properties.Protocol = 'TCP';
    expect(configError(() => readCloudFormation(a))).toMatch(/listener rule (ApiRule|LegacyRule) forwards to bare, a TCP target group; an application load balancer forwards to HTTP and HTTPS target groups/);
  });

  test('Elastic IPs on some subnets only', () => {
    const t = nlbTemplate();
    delete t.Resources.Lb.Properties.SubnetMappings[1].AllocationId;
    expect(configError(() => readCloudFormation(t)))
      .toBe('CloudFormation template: load balancer Lb gives Elastic IPs to 1 of its 2 subnet mappings; lbkit reads one Elastic IP per subnet or none');
  });

  test('stickiness other than source_ip on an NLB target group', () => {
    const c = nlbConfig();
    c.resource.aws_lb_target_group.game.stickiness = { enabled: true, type: 'lb_cookie' };
    expect(configError(() => readTerraform(c)))
      .toBe('Terraform configuration: target group aws_lb_target_group.game: stickiness.type "lb_cookie"; a network load balancer\'s target group is read with source_ip stickiness only');
  });

  test('an unknown health-check protocol, a missing port, a non-numeric draining delay', () => {
    const t = nlbTemplate();
    t.Resources.GameGroup.Properties.HealthCheckProtocol = 'UDP';
    expect(configError(() => readCloudFormation(t))).toBe('CloudFormation template: target group GameGroup: HealthCheckProtocol "UDP"; expected TCP, HTTP or HTTPS');
    const c = nlbConfig();
    delete c.resource.aws_lb_target_group.voice.port;
    expect(configError(() => readTerraform(c))).toBe('Terraform configuration: target group aws_lb_target_group.voice: a UDP target group needs port');
    const d = nlbTemplate();
    d.Resources.VoiceGroup.Properties.TargetGroupAttributes[0].Value = 'an hour';
    expect(configError(() => readCloudFormation(d)))
      .toBe('CloudFormation template: target group VoiceGroup deregistration_delay.timeout_seconds: expected a number, got "an hour"');
  });

  test('a path or matcher on a TCP health check (AWS refuses it; the model cannot hold it)', () => {
    const t = nlbTemplate();
    t.Resources.GameGroup.Properties.HealthCheckPath = '/health';
    expect(configError(() => readCloudFormation(t)))
      .toBe('CloudFormation template: target group GameGroup: HealthCheckPath is set on a TCP health check; AWS takes a path and a matcher on HTTP and HTTPS checks only');
    const c = nlbConfig();
    c.resource.aws_lb_target_group.game.health_check = { ...c.resource.aws_lb_target_group.game.health_check, matcher: '200' };
    expect(configError(() => readTerraform(c))).toMatch(/target group aws_lb_target_group\.game: health_check\.matcher is set on a TCP health check/);
  });

  test('two ALPN policies on one listener', () => {
    const t = nlbTemplate();
    t.Resources.MqttListener.Properties.AlpnPolicy = ['HTTP1Only', 'HTTP2Only'];
    expect(configError(() => readCloudFormation(t))).toMatch(/listener MqttListener: AlpnPolicy holds 2 policies \(HTTP1Only, HTTP2Only\); a listener takes one/);
  });

  test('all-traffic rules read as port 0 for TCP and UDP; wide UDP ranges are refused', () => {
    const t = nlbTemplate();
    t.Resources.Sg.Properties.SecurityGroupEgress = [{ IpProtocol: '-1', CidrIp: '10.0.0.0/16' }];
    expect(network(readCloudFormation(t)).securityGroup.egress).toEqual([{ protocol: 'tcp', port: 0, cidr: '10.0.0.0/16' }, { protocol: 'udp', port: 0, cidr: '10.0.0.0/16' }]);
    t.Resources.Sg.Properties.SecurityGroupIngress.push({ IpProtocol: 'udp', FromPort: 27000, ToPort: 27100, CidrIp: '0.0.0.0/0' });
    expect(configError(() => readCloudFormation(t))).toMatch(/security group Sg: opens ports 27000-27100/);
  });
});
