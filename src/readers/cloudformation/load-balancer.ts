import { AWS_LOAD_BALANCER as AWS, NAME_TAG } from '../../core/contract';
import { Field } from '../fields';
import { readLoadBalancer } from '../load-balancer-fields';
import { keyValues, list, objects, str } from '../values';
import { cfnMapping, cfnTag } from './template';

/**
 * AWS::ElasticLoadBalancingV2::LoadBalancer, application or network; name from tag {@link NAME_TAG};
 * absent attributes read as AWS's defaults (see {@link readLoadBalancer}).
 */
export const loadBalancerMapping = cfnMapping('AWS::ElasticLoadBalancingV2::LoadBalancer', (id, p, doc) => {
  const where = `load balancer ${id}`;
  const attributeList = keyValues(p.LoadBalancerAttributes, `${where} LoadBalancerAttributes`);
  const attrs = new Map<string, unknown>();
  for (const a of attributeList) attrs.set(a.Key, doc.scalar(a.Value));
  const field = (key: string): Field => [attrs.get(key), key];
  const rawBucket = attributeList.find((a) => a.Key === 'access_logs.s3.bucket')?.Value;
  const prefix = str(attrs.get('access_logs.s3.prefix'));
  const loadBalancerName = str(doc.scalar(p.Name));
  return [readLoadBalancer(id, {
    where,
    name: cfnTag(p.Tags, NAME_TAG) ?? id,
    loadBalancerType: str(doc.scalar(p.Type), AWS.type),
    ...(loadBalancerName !== undefined ? { loadBalancerName } : {}),
    scheme: () => str(doc.scalar(p.Scheme), AWS.scheme),
    ipAddressType: [doc.scalar(p.IpAddressType), 'IpAddressType'],
    idleTimeout: field('idle_timeout.timeout_seconds'),
    http2: field('routing.http2.enabled'),
    dropInvalidHeaderFields: field('routing.http.drop_invalid_header_fields.enabled'),
    desyncMitigationMode: field('routing.http.desync_mitigation_mode'),
    deletionProtection: field('deletion_protection.enabled'),
    xffHeaderProcessingMode: field('routing.http.xff_header_processing.mode'),
    xffClientPort: field('routing.http.xff_client_port.enabled'),
    crossZone: field('load_balancing.cross_zone.enabled'),
    accessLogs: {
      enabled: field('access_logs.s3.enabled'),
      ...(rawBucket !== undefined ? { bucket: doc.ref(rawBucket) } : {}),
      ...(prefix !== undefined ? { prefix } : {}),
    },
    securityGroups: list(p.SecurityGroups).map((sg) => doc.ref(sg)),
    subnetMappings: objects(p.SubnetMappings).map((m) => ({
      subnet: doc.ref(m.SubnetId),
      ...(m.AllocationId !== undefined ? { allocation: doc.ref(m.AllocationId) } : {}),
    })),
  })];
});
