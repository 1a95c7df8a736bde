import { AnyLoadBalancerModel } from '../../core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../../core/model/dns-routing-model';
import { EngineOutput, engineReaders } from '../engine-readers';
import { ReaderRegistry } from '../registry';
import { awsS3BucketLifecycleMapping, awsS3BucketMapping } from './access-logs';
import { awsAcmCertificateMapping, awsAcmCertificateValidationMapping } from './certificates';
import { TfConfig } from './config';
import { awsCloudwatchDashboardMapping } from './dashboard';
import { awsLbListenerCertificateMapping, awsLbListenerMapping } from './listener';
import { awsLbListenerRuleMapping } from './listener-rule';
import { awsLbMapping } from './load-balancer';
import { awsCloudwatchMetricAlarmMapping } from './metric-alarms';
import { awsRoute53HealthCheckMapping } from './route53-health-checks';
import { awsRoute53RecordMapping } from './routing-records';
import { awsSecurityGroupMapping, awsSecurityGroupRuleMapping, awsVpcSecurityGroupRuleMapping } from './security-group';
import { awsLbTargetGroupMapping } from './target-group';
import { awsLbTrustStoreMapping, awsLbTrustStoreRevocationMapping } from './trust-store';
import { TERRAFORM_UNMODELED } from './unmodeled';
import { awsWafv2WebAclAssociationMapping, awsWafv2WebAclMapping } from './web-acl';

const SOURCE = 'Terraform configuration';

/** Terraform resource types lbkit reads, keyed by type. Other resources are ignored. */
export const TERRAFORM_READERS = new ReaderRegistry<TfConfig>([
  awsLbMapping,
  awsLbListenerMapping,
  awsLbListenerCertificateMapping,
  awsLbListenerRuleMapping,
  awsLbTrustStoreMapping,
  awsLbTrustStoreRevocationMapping,
  awsLbTargetGroupMapping,
  awsAcmCertificateMapping,
  awsAcmCertificateValidationMapping,
  awsWafv2WebAclMapping,
  awsWafv2WebAclAssociationMapping,
  awsS3BucketMapping,
  awsS3BucketLifecycleMapping,
  awsSecurityGroupMapping,
  awsVpcSecurityGroupRuleMapping,
  awsSecurityGroupRuleMapping,
  awsRoute53RecordMapping,
  awsRoute53HealthCheckMapping,
  awsCloudwatchMetricAlarmMapping,
  awsCloudwatchDashboardMapping,
]);

const READ = engineReaders({
  unmodeled: TERRAFORM_UNMODELED,
  source: SOURCE,
  container: 'configuration',
  registry: TERRAFORM_READERS,
  document: (config) => new TfConfig(config),
  resources: (doc) => doc.resources,
});

/**
 * Reads a synthesized Terraform JSON configuration (the parsed cdk.tf.json) into one model
 * per application or network load balancer, sorted by name (tell them apart with
 * `isApplicationModel` / `isNetworkModel`).
 *
 * @throws LbkitConfigError when it is not a configuration, holds no application or network
 * load balancer, or holds something the model cannot express
 */
export const readTerraform: (config: object) => AnyLoadBalancerModel[] = READ.models;

/**
 * Reads the Route 53 failover, latency and weighted records of a synthesized Terraform JSON
 * configuration, with their health checks and alarms, into one DNS routing model per record
 * name, sorted by name (none when it has no such record).
 *
 * @throws LbkitConfigError when it is not a configuration or holds routing the model cannot express
 */
export const readDnsTerraform: (config: object) => DnsRoutingModel[] = READ.dns;

/** Load balancers and DNS routing of a configuration; either may be empty, not both; with the properties lbkit ignored as unmodeled. */
export const readTerraformOutput: (config: object) => EngineOutput = READ.output;
