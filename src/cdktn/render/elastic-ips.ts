// GENERATED from src/cdktf/render/elastic-ips.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { Eip } from '@cdktn/provider-aws/lib/eip';
import { LbSubnetMapping } from '@cdktn/provider-aws/lib/lb';
import { Token } from 'cdktn';
import { Construct } from 'constructs';
import { LbkitValidationError } from '../../core/errors';

/**
 * One `aws_eip` (domain `vpc`) per subnet, and the `subnet_mapping` blocks that give each
 * subnet its address. The subnets must be a literal list: the mapping is one block per subnet.
 */
export function renderElasticIps(scope: Construct, subnetIds: string[]): LbSubnetMapping[] {
  if (Token.isUnresolved(subnetIds)) {
    throw new LbkitValidationError(scope.node.path, 'subnetIds',
      'must be a literal list (its elements may be references) with elasticIps: each subnet gets its own Elastic IP', subnetIds);
  }
  return subnetIds.map((subnetId, i) => {
    const eip = new Eip(scope, `ElasticIp${i}`, { domain: 'vpc' });
    return { subnetId, allocationId: eip.allocationId };
  });
}
