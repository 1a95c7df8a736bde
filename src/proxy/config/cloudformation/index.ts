import { AnyLoadBalancerModel } from '../../../core/model/any-load-balancer-model';
import { assembleModels } from '../assemble';
import { LbkitConfigError, withSource } from '../errors';
import { Part } from '../parts';
import { ReaderRegistry } from '../registry';
import { isObject } from '../values';
import { bucketMapping } from './bucket';
import { certificateMapping } from './certificate';
import { listenerCertificateMapping, listenerMapping } from './listener';
import { listenerRuleMapping } from './listener-rule';
import { loadBalancerMapping } from './load-balancer';
import { recordSetMapping } from './record-set';
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
]);

/**
 * Reads a synthesized CloudFormation template (the parsed JSON) into one model per
 * application or network load balancer, sorted by name (tell them apart with
 * `isApplicationModel` / `isNetworkModel`).
 *
 * @throws LbkitConfigError when it is not a template, holds no application or network load balancer,
 * or holds something the model cannot express
 */
export function readCloudFormation(template: object): AnyLoadBalancerModel[] {
  const doc = new CfnTemplate(template);
  const parts: Part[] = [];
  for (const [id, resource] of Object.entries(doc.resources)) {
    if (!isObject(resource) || typeof resource.Type !== 'string') {
      throw new LbkitConfigError(`${SOURCE}: resource ${id} has no Type`);
    }
    const read = CLOUDFORMATION_READERS.lookup(resource.Type);
    if (read) parts.push(...withSource(SOURCE, () => read(id, resource, doc)));
  }
  return assembleModels(parts, SOURCE);
}
