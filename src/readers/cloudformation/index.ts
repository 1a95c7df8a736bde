import { AnyLoadBalancerModel } from '../../core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../../core/model/dns-routing-model';
import { assembleModels, assembleOutput, ReadOutput } from '../assemble';
import { assembleDns } from '../assemble-dns';
import { LbkitConfigError, withSource } from '../errors';
import { Part } from '../parts';
import { ReaderRegistry } from '../registry';
import { isObject } from '../values';
import { bucketMapping } from './access-logs';
import { certificateMapping } from './certificates';
import { listenerCertificateMapping, listenerMapping } from './listener';
import { listenerRuleMapping } from './listener-rule';
import { loadBalancerMapping } from './load-balancer';
import { healthCheckAlarmMapping, healthCheckMapping } from './route53-health-checks';
import { recordSetGroupMapping, recordSetMapping } from './routing-records';
import { securityGroupMapping, securityGroupRuleMapping } from './security-group';
import { targetGroupMapping } from './target-group';
import { CfnTemplate } from './template';
import { webAclAssociationMapping, webAclMapping } from './web-acl';

const SOURCE = 'CloudFormation template';

/** CloudFormation resource types lbkit reads, keyed by type. Other resources are ignored. */
export const CLOUDFORMATION_READERS = new ReaderRegistry<CfnTemplate>([
  loadBalancerMapping,
  listenerMapping,
  listenerCertificateMapping,
  listenerRuleMapping,
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
  healthCheckAlarmMapping,
]);

/** Every part of a template, read by the registry. */
function cloudFormationParts(template: object): Part[] {
  const doc = new CfnTemplate(template);
  const parts: Part[] = [];
  for (const [id, resource] of Object.entries(doc.resources)) {
    if (!isObject(resource) || typeof resource.Type !== 'string') {
      throw new LbkitConfigError(`${SOURCE}: resource ${id} has no Type`);
    }
    const read = CLOUDFORMATION_READERS.lookup(resource.Type);
    if (read) parts.push(...withSource(SOURCE, () => read(id, resource, doc)));
  }
  return parts;
}

/**
 * Reads a synthesized CloudFormation template (the parsed JSON) into one model per
 * application or network load balancer, sorted by name (tell them apart with
 * `isApplicationModel` / `isNetworkModel`).
 *
 * @throws LbkitConfigError when it is not a template, holds no application or network load balancer,
 * or holds something the model cannot express
 */
export function readCloudFormation(template: object): AnyLoadBalancerModel[] {
  return assembleModels(cloudFormationParts(template), SOURCE);
}

/**
 * Reads the Route 53 failover, latency and weighted records of a synthesized CloudFormation
 * template, with their health checks and alarms, into one DNS routing model per record name,
 * sorted by name (none when it has no such record).
 *
 * @throws LbkitConfigError when it is not a template or holds routing the model cannot express
 */
export function readDnsCloudFormation(template: object): DnsRoutingModel[] {
  return assembleDns(cloudFormationParts(template), SOURCE, 'template');
}

/** Load balancers and DNS routing of a template; either may be empty, not both. */
export function readCloudFormationOutput(template: object): ReadOutput {
  return assembleOutput(cloudFormationParts(template), SOURCE, 'template');
}
