import { AWS_LOAD_BALANCER as AWS, NAME_TAG } from '../../core/contract';
import { Field } from '../fields';
import { readLoadBalancerAttributes } from '../load-balancer-fields';
import { LoadBalancerPart } from '../parts';
import { ResourceMapping } from '../registry';
import { bool, keyValues, list, objects, str } from '../values';
import { cfnTag, CfnTemplate } from './template';

/**
 * AWS::ElasticLoadBalancingV2::LoadBalancer, application or network; name from tag {@link NAME_TAG};
 * absent attributes read as AWS's defaults (see {@link readLoadBalancerAttributes}).
 */
export const loadBalancerMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    const where = `load balancer ${id}`;
    const attributeList = keyValues(p.LoadBalancerAttributes, `${where} LoadBalancerAttributes`);
    const attrs = new Map<string, unknown>();
    for (const a of attributeList) attrs.set(a.Key, doc.scalar(a.Value));
    const attr = (key: string) => attrs.get(key);
    const field = (key: string): Field => [attr(key), key];
    const loadBalancerType = str(doc.scalar(p.Type), AWS.type);
    const { attributes, networkAttributes } = readLoadBalancerAttributes({
      where,
      loadBalancerType,
      idleTimeout: field('idle_timeout.timeout_seconds'),
      http2: field('routing.http2.enabled'),
      dropInvalidHeaderFields: field('routing.http.drop_invalid_header_fields.enabled'),
      desyncMitigationMode: field('routing.http.desync_mitigation_mode'),
      deletionProtection: field('deletion_protection.enabled'),
      xffHeaderProcessingMode: field('routing.http.xff_header_processing.mode'),
      xffClientPort: field('routing.http.xff_client_port.enabled'),
      crossZone: field('load_balancing.cross_zone.enabled'),
    });
    const rawBucket = attributeList.find((a) => a.Key === 'access_logs.s3.bucket')?.Value;
    const prefix = str(attr('access_logs.s3.prefix'));
    const loadBalancerName = str(doc.scalar(p.Name));
    const part: LoadBalancerPart = {
      kind: 'load-balancer',
      key: id,
      name: cfnTag(p.Tags, NAME_TAG) ?? id,
      loadBalancerType,
      ...(loadBalancerName !== undefined ? { loadBalancerName } : {}),
      scheme: str(doc.scalar(p.Scheme), AWS.scheme),
      ipAddressType: str(doc.scalar(p.IpAddressType), AWS.ipAddressType),
      ...(attributes ? { attributes } : {}),
      ...(networkAttributes ? { networkAttributes } : {}),
      accessLogs: {
        enabled: bool(attr('access_logs.s3.enabled'), AWS.accessLogs, `${where} access_logs.s3.enabled`),
        ...(rawBucket !== undefined ? { bucket: doc.ref(rawBucket) } : {}),
        ...(prefix !== undefined ? { prefix } : {}),
      },
      securityGroups: list(p.SecurityGroups).map((sg) => doc.ref(sg)),
      subnetMappings: objects(p.SubnetMappings).map((m) => ({
        subnet: doc.ref(m.SubnetId),
        ...(m.AllocationId !== undefined ? { allocation: doc.ref(m.AllocationId) } : {}),
      })),
    };
    return [part];
  },
};
