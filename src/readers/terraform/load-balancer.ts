import { AWS_LOAD_BALANCER as AWS, NAME_TAG } from '../../core/contract';
import { Field } from '../fields';
import { readLoadBalancerAttributes } from '../load-balancer-fields';
import { LoadBalancerPart } from '../parts';
import { ResourceMapping } from '../registry';
import { block, bool, list, objects, str } from '../values';
import { TfConfig, tfTag } from './config';

/**
 * aws_lb (and its alias aws_alb), application or network; name from tag {@link NAME_TAG}; absent
 * arguments read as the provider's defaults, which are AWS's (see {@link readLoadBalancerAttributes}).
 */
export const awsLbMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb', 'aws_alb'],
  read: (id, b, doc) => {
    const where = `load balancer ${id}`;
    const s = (v: unknown) => doc.scalar(v);
    const arg = (key: string): Field => [s(b[key]), key];
    const loadBalancerType = str(s(b.load_balancer_type), AWS.type);
    const { attributes, networkAttributes } = readLoadBalancerAttributes({
      where,
      loadBalancerType,
      idleTimeout: arg('idle_timeout'),
      http2: arg('enable_http2'),
      dropInvalidHeaderFields: arg('drop_invalid_header_fields'),
      desyncMitigationMode: arg('desync_mitigation_mode'),
      deletionProtection: arg('enable_deletion_protection'),
      xffHeaderProcessingMode: arg('xff_header_processing_mode'),
      xffClientPort: arg('enable_xff_client_port'),
      crossZone: arg('enable_cross_zone_load_balancing'),
    });
    const logs = block(b.access_logs);
    const prefix = logs ? str(s(logs.prefix)) : undefined;
    const loadBalancerName = str(s(b.name));
    const part: LoadBalancerPart = {
      kind: 'load-balancer',
      key: id,
      name: tfTag(b.tags, NAME_TAG) ?? id.slice(id.indexOf('.') + 1),
      loadBalancerType,
      ...(loadBalancerName !== undefined ? { loadBalancerName } : {}),
      scheme: bool(s(b.internal), false /* AWS.scheme, internet-facing */, `${where} internal`) ? 'internal' : 'internet-facing',
      ipAddressType: str(s(b.ip_address_type), AWS.ipAddressType),
      ...(attributes ? { attributes } : {}),
      ...(networkAttributes ? { networkAttributes } : {}),
      accessLogs: {
        enabled: logs ? bool(s(logs.enabled), AWS.accessLogs, `${where} access_logs.enabled`) : AWS.accessLogs,
        ...(logs ? { bucket: doc.ref(logs.bucket) } : {}),
        ...(prefix !== undefined ? { prefix } : {}),
      },
      securityGroups: list(b.security_groups).map((sg) => doc.ref(sg)),
      subnetMappings: objects(b.subnet_mapping).map((m) => ({
        subnet: doc.ref(m.subnet_id),
        ...(m.allocation_id !== undefined ? { allocation: doc.ref(m.allocation_id) } : {}),
      })),
    };
    return [part];
  },
};
