import { AnyLoadBalancerModel } from '../../core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../../core/model/dns-routing-model';
import { EngineOutput, engineReaders, EngineResource } from '../engine-readers';
import { LbkitConfigError } from '../errors';
import { ReaderRegistry } from '../registry';
import { isObject } from '../values';
import { bucketMapping } from './access-logs';
import { alarmMapping } from './alarms';
import { certificateMapping } from './certificates';
import { dashboardMapping } from './dashboard';
import { listenerCertificateMapping, listenerMapping } from './listener';
import { listenerRuleMapping } from './listener-rule';
import { loadBalancerMapping } from './load-balancer';
import { healthCheckMapping } from './route53-health-checks';
import { recordSetGroupMapping, recordSetMapping } from './routing-records';
import { securityGroupMapping, securityGroupRuleMapping } from './security-group';
import { targetGroupMapping } from './target-group';
import { CfnTemplate } from './template';
import { trustStoreMapping, trustStoreRevocationMapping } from './trust-store';
import { CLOUDFORMATION_UNMODELED } from './unmodeled';
import { webAclAssociationMapping, webAclMapping } from './web-acl';

const SOURCE = 'CloudFormation template';

/** CloudFormation resource types lbkit reads, keyed by type. Other resources are ignored. */
export const CLOUDFORMATION_READERS = new ReaderRegistry<CfnTemplate>([
  loadBalancerMapping,
  listenerMapping,
  listenerCertificateMapping,
  listenerRuleMapping,
  trustStoreMapping,
  trustStoreRevocationMapping,
  targetGroupMapping,
  certificateMapping,
  webAclMapping,
  webAclAssociationMapping,
  bucketMapping,
  securityGroupMapping,
  securityGroupRuleMapping,
  recordSetMapping,
  recordSetGroupMapping,
  healthCheckMapping,
  alarmMapping,
  dashboardMapping,
]);

/** A template's resources in order; one without a Type is refused when reached. */
function* templateResources(doc: CfnTemplate): Iterable<EngineResource> {
  for (const [key, body] of Object.entries(doc.resources)) {
    if (!isObject(body) || typeof body.Type !== 'string') {
      throw new LbkitConfigError(`${SOURCE}: resource ${key} has no Type`);
    }
    yield { key, type: body.Type, body };
  }
}

const READ = engineReaders({
  unmodeled: CLOUDFORMATION_UNMODELED,
  source: SOURCE,
  container: 'template',
  registry: CLOUDFORMATION_READERS,
  document: (template) => new CfnTemplate(template),
  resources: templateResources,
});

/**
 * Reads a synthesized CloudFormation template (the parsed JSON) into one model per
 * application or network load balancer, sorted by name (tell them apart with
 * `isApplicationModel` / `isNetworkModel`).
 *
 * @throws LbkitConfigError when it is not a template, holds no application or network load balancer,
 * or holds something the model cannot express
 */
export const readCloudFormation: (template: object) => AnyLoadBalancerModel[] = READ.models;

/**
 * Reads the Route 53 failover, latency and weighted records of a synthesized CloudFormation
 * template, with their health checks and alarms, into one DNS routing model per record name,
 * sorted by name (none when it has no such record).
 *
 * @throws LbkitConfigError when it is not a template or holds routing the model cannot express
 */
export const readDnsCloudFormation: (template: object) => DnsRoutingModel[] = READ.dns;

/** Load balancers and DNS routing of a template; either may be empty, not both; with the properties lbkit ignored as unmodeled. */
export const readCloudFormationOutput: (template: object) => EngineOutput = READ.output;
