import { LB_ATTRIBUTE, LISTENER_ATTRIBUTE, REQUEST_HEADER_NAME_ATTRIBUTE, RESPONSE_HEADER_ATTRIBUTE, TARGET_GROUP_ATTRIBUTE } from '../../core/contract';
import { UnmodeledFormat } from '../unmodeled';
import { isObject } from '../values';

/**
 * CloudFormation's side of reporting unmodeled properties: a resource's `Properties`, the
 * properties lbkit writes without reading them back, and the attribute lists whose keys the
 * contract names (any other key is an override lbkit does not model).
 */
export const CLOUDFORMATION_UNMODELED: UnmodeledFormat = {
  propertiesOf: (body) => (isObject(body.Properties) ? body.Properties : undefined),
  withProperties: (body, properties) => ({ ...body, Properties: properties }),
  // Written by lbkit (or aws-cdk-lib) and deliberately not part of any model: what only AWS acts
  // on (validation, encryption, the subnets, an alarm's evaluation), never the local routing.
  notModel: {
    '*': ['Tags', 'VpcId', 'Description'],
    'AWS::EC2::SecurityGroup': ['GroupDescription'],
    // Rules between security groups: the targets' side of `connections`, not the load balancer's own rules.
    'AWS::EC2::SecurityGroupIngress': ['SourceSecurityGroupId'],
    'AWS::EC2::SecurityGroupEgress': ['DestinationSecurityGroupId'],
    'AWS::S3::Bucket': ['BucketEncryption', 'PublicAccessBlockConfiguration'],
    'AWS::ElasticLoadBalancingV2::LoadBalancer': ['Subnets'],
    'AWS::ElasticLoadBalancingV2::TargetGroup': ['HealthCheckEnabled', 'Targets'],
    'AWS::CertificateManager::Certificate': ['DomainValidationOptions', 'ValidationMethod'],
    'AWS::WAFv2::WebACL': ['DefaultAction', 'Scope', 'VisibilityConfig'],
    'AWS::Route53::RecordSet': ['HostedZoneId', 'ResourceRecords', 'TTL'],
    'AWS::CloudWatch::Alarm': ['AlarmActions', 'OKActions', 'InsufficientDataActions', 'AlarmName', 'AlarmDescription', 'ComparisonOperator', 'EvaluationPeriods', 'Period', 'Statistic', 'Threshold', 'TreatMissingData'],
  },
  attributeLists: {
    LoadBalancerAttributes: new Set(Object.values(LB_ATTRIBUTE)),
    TargetGroupAttributes: new Set(Object.values(TARGET_GROUP_ATTRIBUTE)),
    ListenerAttributes: new Set<string>([
      ...Object.values(LISTENER_ATTRIBUTE), ...Object.values(RESPONSE_HEADER_ATTRIBUTE), ...Object.values(REQUEST_HEADER_NAME_ATTRIBUTE),
    ]),
  },
  attributeKey: 'Key',
};
