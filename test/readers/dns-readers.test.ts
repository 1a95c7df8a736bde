import { dnsConfig, dnsTemplate, EU_DNS, EU_ZONE, EXPECTED_DNS } from './dns-fixtures';
import { cfnTemplate, tfConfig } from './fixtures';
import { DnsRoutingModel } from '../../src/core/model/dns-routing-model';
import { REFERENCE } from '../../src/core/model/load-balancer-model';
import {
  CLOUDFORMATION_READERS, LbkitConfigError, readCloudFormation, readDnsCloudFormation, readDnsTerraform, readSynthesized, readTerraform,
  TERRAFORM_READERS,
} from '../../src/readers';

/** The LbkitConfigError thrown by fn, one line (fails otherwise). */
function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LbkitConfigError);
    const message = (e as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error('expected an LbkitConfigError');
}

const model = (models: DnsRoutingModel[], name: string) => models.find((m) => m.recordName === name)!;

describe('readDnsCloudFormation', () => {
  test('reads records by name, health checks by the records that reference them, alarms by their dimension', () => {
    expect(readDnsCloudFormation(dnsTemplate())).toEqual(EXPECTED_DNS);
  });

  test('latency routing reads each record\'s region', () => {
    const t = dnsTemplate();
    for (const [id, region] of [['EuA', 'eu-west-1'], ['EuAaaa', 'eu-west-1'], ['UsA', 'us-east-1'], ['UsAaaa', 'us-east-1']]) {
      delete t.Resources[id].Properties.Failover;
      t.Resources[id].Properties.Region = region;
    }
    const api = model(readDnsCloudFormation(t), 'api.example.com');
    expect(api.routingPolicy).toBe('latency');
    expect(api.records.map((r) => [r.setIdentifier, r.type, r.region, r.failover])).toEqual([
      ['eu-west-1', 'A', 'eu-west-1', undefined], ['eu-west-1', 'AAAA', 'eu-west-1', undefined],
      ['us-east-1', 'A', 'us-east-1', undefined], ['us-east-1', 'AAAA', 'us-east-1', undefined],
    ]);
  });

  test('an absent setting reads as Route 53\'s default: interval 30 s, threshold 3, port 443/80, path /, latency off, all regions', () => {
    const t = dnsTemplate();
    t.Resources.HcEu.Properties.HealthCheckConfig = { Type: 'HTTPS', FullyQualifiedDomainName: EU_DNS };
    t.Resources.HcBlue.Properties.HealthCheckConfig = { Type: 'HTTP', IPAddress: '192.0.2.10' };
    const models = readDnsCloudFormation(t);
    expect(model(models, 'api.example.com').healthChecks[0]).toEqual({
      name: 'eu-west-1', type: 'HTTPS', fqdn: EU_DNS, port: 443, path: '/', requestIntervalSeconds: 30, failureThreshold: 3, measureLatency: false, regions: [], alarm: true,
    });
    expect(model(models, 'www.example.com').healthChecks[0]).toMatchObject({ type: 'HTTP', ipAddress: '192.0.2.10', port: 80, path: '/' });
  });

  test('an alias without EvaluateTargetHealth reads false', () => {
    const t = dnsTemplate();
    t.Resources.EuA.Properties.AliasTarget = { DNSName: EU_DNS, HostedZoneId: EU_ZONE };
    expect(model(readDnsCloudFormation(t), 'api.example.com').records[0].alias).toEqual({ dnsName: EU_DNS, hostedZoneId: EU_ZONE, evaluateTargetHealth: false });
  });

  test('alias names by GetAtt, Fn::ImportValue and SSM dynamic references read as REFERENCE', () => {
    const t = dnsTemplate();
    t.Resources.EuA.Properties.AliasTarget = {
      DNSName: { 'Fn::ImportValue': 'ApiEuWest1:DnsName' }, HostedZoneId: '{{resolve:ssm:/lbkit/eu/zone}}', EvaluateTargetHealth: true,
    };
    expect(model(readDnsCloudFormation(t), 'api.example.com').records[0].alias).toEqual({ dnsName: REFERENCE, hostedZoneId: REFERENCE, evaluateTargetHealth: true });
  });

  test('records of an AWS::Route53::RecordSetGroup', () => {
    const t = dnsTemplate();
    const ids = ['BlueA', 'BlueAaaa', 'GreenA'];
    t.Resources.WwwGroup = {
      Type: 'AWS::Route53::RecordSetGroup',
      Properties: { HostedZoneId: 'Z0123456789EXAMPLE', RecordSets: ids.map((id) => t.Resources[id].Properties) },
    };
    ids.forEach((id) => delete t.Resources[id]);
    expect(readDnsCloudFormation(t)).toEqual(EXPECTED_DNS);
  });

  test('an untagged health check shared by endpoints of two set identifiers reads by its key; one check may serve two names', () => {
    const t = dnsTemplate();
    t.Resources.GreenA.Properties.HealthCheckId = { Ref: 'HcBlue' };
    t.Resources.StatusA = {
      Type: 'AWS::Route53::RecordSet',
      Properties: { Name: 'status.example.com', Type: 'A', SetIdentifier: 'blue', Weight: 1, HealthCheckId: { Ref: 'HcBlue' }, ResourceRecords: ['192.0.2.10'], TTL: 60 },
    };
    const models = readDnsCloudFormation(t);
    expect(models.map((m) => m.recordName)).toEqual(['api.example.com', 'status.example.com', 'www.example.com']);
    expect(model(models, 'www.example.com').records.map((r) => r.healthCheck)).toEqual(['HcBlue', 'HcBlue', 'HcBlue']);
    expect(model(models, 'status.example.com').healthChecks.map((h) => [h.name, h.alarm])).toEqual([['HcBlue', true]]);
  });

  test('a template without routed records reads as no DNS model', () => {
    expect(readDnsCloudFormation(cfnTemplate())).toEqual([]);
  });
});

describe('readDnsTerraform', () => {
  test('reads the same routing as the template', () => {
    expect(readDnsTerraform(dnsConfig())).toEqual(EXPECTED_DNS);
  });

  test('weighted routing written as a list of one block, latency routing by region', () => {
    const c = dnsConfig();
    for (const [key, region] of [['eu_a', 'eu-west-1'], ['eu_aaaa', 'eu-west-1'], ['us_a', 'us-east-1'], ['us_aaaa', 'us-east-1']]) {
      delete c.resource.aws_route53_record[key].failover_routing_policy;
      c.resource.aws_route53_record[key].latency_routing_policy = [{ region }];
    }
    const api = model(readDnsTerraform(c), 'api.example.com');
    expect(api.routingPolicy).toBe('latency');
    expect(api.records.map((r) => r.region)).toEqual(['eu-west-1', 'eu-west-1', 'us-east-1', 'us-east-1']);
  });

  test('an absent setting reads as Route 53\'s default', () => {
    const c = dnsConfig();
    c.resource.aws_route53_health_check.eu = { type: 'HTTPS', fqdn: EU_DNS, tags: { 'lbkit:endpoint': 'eu-west-1' } };
    expect(model(readDnsTerraform(c), 'api.example.com').healthChecks[0]).toEqual({
      name: 'eu-west-1', type: 'HTTPS', fqdn: EU_DNS, port: 443, path: '/', requestIntervalSeconds: 30, failureThreshold: 3, measureLatency: false, regions: [], alarm: true,
    });
  });

  test('a configuration without routed records reads as no DNS model', () => {
    expect(readDnsTerraform(tfConfig())).toEqual([]);
  });
});

describe('readSynthesized', () => {
  test.each([
    ['cloudformation', dnsTemplate()],
    ['terraform', dnsConfig()],
  ])('an output with only Route 53 routing is valid (%s)', (engine, output) => {
    const { unmodeled, ...result } = readSynthesized(output, 'global.json');
    expect(result).toEqual({ engine, models: [], dns: EXPECTED_DNS });
    // The calculated health check's children are not modeled: reported, not read.
    expect(unmodeled.map((u) => `${u.resource} ${u.property}`)).toEqual(engine === 'terraform' ? ['aws_route53_health_check.orphan child_healthchecks'] : []);
  });

  test('a load-balancer output reads its load balancers and no DNS model', () => {
    expect(readSynthesized(cfnTemplate()).dns).toEqual([]);
    expect(readSynthesized(tfConfig()).models.map((m) => m.name)).toEqual(['Api']);
  });

  test('routed records aliasing a load balancer of the same output are DNS routing, not the load balancer\'s alias records', () => {
    const t = cfnTemplate();
    const alias = { DNSName: { 'Fn::GetAtt': ['Lb', 'DNSName'] }, HostedZoneId: { 'Fn::GetAtt': ['Lb', 'CanonicalHostedZoneID'] }, EvaluateTargetHealth: true };
    t.Resources.GlobalA = { Type: 'AWS::Route53::RecordSet', Properties: { Name: 'global.example.com.', Type: 'A', SetIdentifier: 'eu', Weight: 10, AliasTarget: alias } };
    const c = tfConfig();
    c.resource.aws_route53_record.global = {
      name: 'global.example.com',
      type: 'A',
      set_identifier: 'eu',
      weighted_routing_policy: { weight: 10 },
      alias: { name: '${aws_lb.lb.dns_name}', zone_id: '${aws_lb.lb.zone_id}', evaluate_target_health: true },
    };
    for (const output of [t, c]) {
      const { models, dns } = readSynthesized(output);
      expect(models[0].dnsRecords).toEqual([{ name: 'api.example.com', type: 'A' }, { name: 'api.example.com', type: 'AAAA' }]);
      expect(dns).toEqual([{
        kind: 'dns',
        recordName: 'global.example.com',
        routingPolicy: 'weighted',
        healthChecks: [],
        records: [{ setIdentifier: 'eu', type: 'A', alias: { dnsName: REFERENCE, hostedZoneId: REFERENCE, evaluateTargetHealth: true }, weight: 10 }],
      }]);
    }
    expect(readCloudFormation(t)[0].dnsRecords).toHaveLength(2);
    expect(readTerraform(c)[0].dnsRecords).toHaveLength(2);
  });

  test('an output with neither a load balancer nor routed records still fails', () => {
    expect(configError(() => readSynthesized({ Resources: { Simple: dnsTemplate().Resources.Simple } })))
      .toMatch(/^CloudFormation template: no application or network load balancer found/);
  });

  test('the registries know the Route 53 and CloudWatch types', () => {
    expect(CLOUDFORMATION_READERS.resourceTypes).toEqual(expect.arrayContaining([
      'AWS::Route53::RecordSet', 'AWS::Route53::RecordSetGroup', 'AWS::Route53::HealthCheck', 'AWS::CloudWatch::Alarm',
    ]));
    expect(TERRAFORM_READERS.resourceTypes).toEqual(expect.arrayContaining(['aws_route53_record', 'aws_route53_health_check', 'aws_cloudwatch_metric_alarm']));
  });
});
