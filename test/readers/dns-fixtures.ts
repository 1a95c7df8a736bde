import { DnsRoutingModel } from '../../src/core/model/dns-routing-model';
import { REFERENCE } from '../../src/core/model/load-balancer-model';

/**
 * Hand-written Route 53 outputs in the shapes of notes/CONTRACT-DNS.md, independent of the
 * renderers, so the DNS readers are tested on their own. Both hold the same routing:
 *
 * - api.example.com, failover, A and AAAA alias records: `eu-west-1` (PRIMARY, literal DNS name
 *   and zone, HTTPS /health every 10 s, threshold 3, three checker regions, an alarm) and
 *   `us-east-1` (SECONDARY, DNS name and zone by cross-region references, HTTPS_STR_MATCH with
 *   latency measurement, 30 s, no alarm);
 * - www.example.com, weighted, A/AAAA records with a TTL over addresses: `blue` (weight 200, TCP
 *   check on 22 by address, untagged: named by its records' set identifier) and `green`
 *   (weight 55, no health check);
 * - distractors the reader skips: a simple alias record, a validation CNAME, an alarm on
 *   another metric, a health check no record references.
 */

export const EU_DNS = 'lbkit-eu-1234567890.eu-west-1.elb.amazonaws.com';
export const EU_ZONE = 'Z32O12XQLNTSW2';

export const EXPECTED_DNS: DnsRoutingModel[] = [
  {
    kind: 'dns',
    recordName: 'api.example.com',
    routingPolicy: 'failover',
    records: [
      { setIdentifier: 'eu-west-1', type: 'A', alias: { dnsName: EU_DNS, hostedZoneId: EU_ZONE, evaluateTargetHealth: true }, failover: 'PRIMARY', healthCheck: 'eu-west-1' },
      { setIdentifier: 'eu-west-1', type: 'AAAA', alias: { dnsName: EU_DNS, hostedZoneId: EU_ZONE, evaluateTargetHealth: true }, failover: 'PRIMARY', healthCheck: 'eu-west-1' },
      { setIdentifier: 'us-east-1', type: 'A', alias: { dnsName: REFERENCE, hostedZoneId: REFERENCE, evaluateTargetHealth: true }, failover: 'SECONDARY', healthCheck: 'us-east-1' },
      { setIdentifier: 'us-east-1', type: 'AAAA', alias: { dnsName: REFERENCE, hostedZoneId: REFERENCE, evaluateTargetHealth: true }, failover: 'SECONDARY', healthCheck: 'us-east-1' },
    ],
    healthChecks: [
      {
        name: 'eu-west-1',
        type: 'HTTPS',
        fqdn: EU_DNS,
        port: 443,
        path: '/health',
        requestIntervalSeconds: 10,
        failureThreshold: 3,
        measureLatency: false,
        regions: ['eu-west-1', 'us-east-1', 'us-west-2'],
        alarm: true,
      },
      {
        name: 'us-east-1',
        type: 'HTTPS_STR_MATCH',
        fqdn: REFERENCE,
        port: 8443,
        path: '/ready',
        searchString: 'ok',
        requestIntervalSeconds: 30,
        failureThreshold: 5,
        measureLatency: true,
        regions: [],
        alarm: false,
      },
    ],
  },
  {
    kind: 'dns',
    recordName: 'www.example.com',
    routingPolicy: 'weighted',
    records: [
      { setIdentifier: 'blue', type: 'A', values: ['192.0.2.10', '192.0.2.11'], ttlSeconds: 60, weight: 200, healthCheck: 'blue' },
      { setIdentifier: 'blue', type: 'AAAA', values: ['2001:db8::10'], ttlSeconds: 60, weight: 200, healthCheck: 'blue' },
      { setIdentifier: 'green', type: 'A', values: ['198.51.100.7'], ttlSeconds: 300, weight: 55 },
    ],
    healthChecks: [
      {
        name: 'blue',
        type: 'TCP',
        ipAddress: '192.0.2.10',
        port: 22,
        requestIntervalSeconds: 10,
        failureThreshold: 3,
        measureLatency: false,
        regions: [],
        alarm: true,
      },
    ],
  },
];

const alarm = (healthCheck: string) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    Namespace: 'AWS/Route53',
    MetricName: 'HealthCheckStatus',
    Dimensions: [{ Name: 'HealthCheckId', Value: { Ref: healthCheck } }],
    Statistic: 'Minimum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'LessThanThreshold',
    TreatMissingData: 'breaching',
  },
});

const usAlias = {
  DNSName: { 'Fn::GetAtt': ['ExportsReaderuseast1', '/cdk/exports/GlobalDns/ApiUsEast1DnsName'] },
  HostedZoneId: '{{resolve:ssm:/cdk/exports/GlobalDns/ApiUsEast1Zone}}',
  EvaluateTargetHealth: true,
};

/** The routing above as a CloudFormation template (records in no particular order). */
export function dnsTemplate(): Record<string, any> {
  const euAlias = { DNSName: EU_DNS, HostedZoneId: EU_ZONE, EvaluateTargetHealth: true };
  const record = (props: Record<string, unknown>) => ({ Type: 'AWS::Route53::RecordSet', Properties: { HostedZoneId: 'Z0123456789EXAMPLE', ...props } });
  return {
    Resources: {
      ExportsReaderuseast1: { Type: 'Custom::CrossRegionExportReader', Properties: {} },
      HcEu: {
        Type: 'AWS::Route53::HealthCheck',
        Properties: {
          HealthCheckConfig: {
            Type: 'HTTPS',
            FullyQualifiedDomainName: EU_DNS,
            Port: 443,
            ResourcePath: '/health',
            RequestInterval: 10,
            FailureThreshold: 3,
            MeasureLatency: false,
            Regions: ['us-west-2', 'eu-west-1', 'us-east-1'],
          },
          HealthCheckTags: [{ Key: 'lbkit:endpoint', Value: 'eu-west-1' }, { Key: 'Name', Value: 'eu' }],
        },
      },
      HcEuAlarm: alarm('HcEu'),
      HcUs: {
        Type: 'AWS::Route53::HealthCheck',
        Properties: {
          HealthCheckConfig: {
            Type: 'HTTPS_STR_MATCH',
            FullyQualifiedDomainName: usAlias.DNSName,
            Port: '8443',
            ResourcePath: '/ready',
            SearchString: 'ok',
            RequestInterval: '30',
            FailureThreshold: 5,
            MeasureLatency: true,
          },
          HealthCheckTags: [{ Key: 'lbkit:endpoint', Value: 'us-east-1' }],
        },
      },
      HcUsLatencyAlarm: { ...alarm('HcUs'), Properties: { ...alarm('HcUs').Properties, MetricName: 'TimeToFirstByte' } },
      UsAaaa: record({ Name: 'api.example.com.', Type: 'AAAA', SetIdentifier: 'us-east-1', Failover: 'SECONDARY', HealthCheckId: { Ref: 'HcUs' }, AliasTarget: usAlias }),
      EuA: record({ Name: 'api.example.com.', Type: 'A', SetIdentifier: 'eu-west-1', Failover: 'PRIMARY', HealthCheckId: { Ref: 'HcEu' }, AliasTarget: euAlias }),
      UsA: record({ Name: 'api.example.com.', Type: 'A', SetIdentifier: 'us-east-1', Failover: 'SECONDARY', HealthCheckId: { 'Fn::GetAtt': ['HcUs', 'HealthCheckId'] }, AliasTarget: usAlias }),
      EuAaaa: record({ Name: 'api.example.com', Type: 'AAAA', SetIdentifier: 'eu-west-1', Failover: 'PRIMARY', HealthCheckId: { Ref: 'HcEu' }, AliasTarget: euAlias }),
      HcBlue: {
        Type: 'AWS::Route53::HealthCheck',
        Properties: { HealthCheckConfig: { Type: 'TCP', IPAddress: '192.0.2.10', Port: 22, RequestInterval: 10 } },
      },
      HcBlueAlarm: alarm('HcBlue'),
      BlueA: record({ Name: 'www.example.com', Type: 'A', SetIdentifier: 'blue', Weight: 200, HealthCheckId: { Ref: 'HcBlue' }, ResourceRecords: ['192.0.2.10', '192.0.2.11'], TTL: '60' }),
      BlueAaaa: record({ Name: 'www.example.com', Type: 'AAAA', SetIdentifier: 'blue', Weight: '200', HealthCheckId: { Ref: 'HcBlue' }, ResourceRecords: ['2001:db8::10'], TTL: 60 }),
      GreenA: record({ Name: 'www.example.com.', Type: 'A', SetIdentifier: 'green', Weight: 55, ResourceRecords: ['198.51.100.7'], TTL: 300 }),
      HcOrphan: { Type: 'AWS::Route53::HealthCheck', Properties: { HealthCheckConfig: { Type: 'CALCULATED', ChildHealthChecks: [] } } },
      Simple: record({ Name: 'status.example.com.', Type: 'A', AliasTarget: euAlias }),
      Validation: record({ Name: '_abc.api.example.com.', Type: 'CNAME', ResourceRecords: ['_xyz.acm-validations.aws.'], TTL: '300' }),
    },
  };
}

/** The same routing as Terraform JSON. */
export function dnsConfig(): Record<string, any> {
  const euAlias = { name: EU_DNS, zone_id: EU_ZONE, evaluate_target_health: true };
  const usAliasTf = { name: '${data.aws_lb.us.dns_name}', zone_id: '${data.aws_lb.us.zone_id}', evaluate_target_health: true };
  const record = (b: Record<string, unknown>) => ({ zone_id: 'Z0123456789EXAMPLE', ...b });
  const alarmTf = (hc: string, metric = 'HealthCheckStatus') => ({
    namespace: 'AWS/Route53',
    metric_name: metric,
    dimensions: { HealthCheckId: `\${aws_route53_health_check.${hc}.id}` },
    statistic: 'Minimum',
    period: 60,
    evaluation_periods: 1,
    threshold: 1,
    comparison_operator: 'LessThanThreshold',
    treat_missing_data: 'breaching',
  });
  return {
    terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    data: { aws_lb: { us: { name: 'us' } } },
    resource: {
      aws_route53_health_check: {
        eu: {
          type: 'HTTPS',
          fqdn: EU_DNS,
          port: 443,
          resource_path: '/health',
          request_interval: 10,
          failure_threshold: 3,
          measure_latency: false,
          regions: ['us-west-2', 'eu-west-1', 'us-east-1'],
          tags: { 'lbkit:endpoint': 'eu-west-1', 'Name': 'eu' },
        },
        us: {
          type: 'HTTPS_STR_MATCH',
          fqdn: '${data.aws_lb.us.dns_name}',
          port: 8443,
          resource_path: '/ready',
          search_string: 'ok',
          request_interval: 30,
          failure_threshold: 5,
          measure_latency: true,
          tags: { 'lbkit:endpoint': 'us-east-1' },
        },
        blue: { type: 'TCP', ip_address: '192.0.2.10', port: 22, request_interval: 10 },
        orphan: { type: 'CALCULATED', child_healthchecks: [] },
      },
      aws_cloudwatch_metric_alarm: {
        eu: alarmTf('eu'),
        us_latency: alarmTf('us', 'TimeToFirstByte'),
        blue: alarmTf('blue'),
      },
      aws_route53_record: {
        us_aaaa: record({ name: 'api.example.com.', type: 'AAAA', set_identifier: 'us-east-1', failover_routing_policy: { type: 'SECONDARY' }, health_check_id: '${aws_route53_health_check.us.id}', alias: usAliasTf }),
        eu_a: record({ name: 'api.example.com', type: 'A', set_identifier: 'eu-west-1', failover_routing_policy: { type: 'PRIMARY' }, health_check_id: '${aws_route53_health_check.eu.id}', alias: euAlias }),
        us_a: record({ name: 'api.example.com', type: 'A', set_identifier: 'us-east-1', failover_routing_policy: [{ type: 'SECONDARY' }], health_check_id: '${aws_route53_health_check.us.id}', alias: [usAliasTf] }),
        eu_aaaa: record({ name: 'api.example.com', type: 'AAAA', set_identifier: 'eu-west-1', failover_routing_policy: { type: 'PRIMARY' }, health_check_id: '${aws_route53_health_check.eu.id}', alias: euAlias }),
        blue_a: record({ name: 'www.example.com', type: 'A', set_identifier: 'blue', weighted_routing_policy: { weight: 200 }, health_check_id: '${aws_route53_health_check.blue.id}', records: ['192.0.2.10', '192.0.2.11'], ttl: 60 }),
        blue_aaaa: record({ name: 'www.example.com', type: 'AAAA', set_identifier: 'blue', weighted_routing_policy: { weight: 200 }, health_check_id: '${aws_route53_health_check.blue.id}', records: ['2001:db8::10'], ttl: 60 }),
        green_a: record({ name: 'www.example.com.', type: 'A', set_identifier: 'green', weighted_routing_policy: { weight: '55' }, records: ['198.51.100.7'], ttl: '300' }),
        simple: record({ name: 'status.example.com', type: 'A', alias: euAlias }),
        validation: record({ name: '_abc.api.example.com', type: 'CNAME', records: ['_xyz.acm-validations.aws.'], ttl: 300 }),
      },
    },
  };
}
