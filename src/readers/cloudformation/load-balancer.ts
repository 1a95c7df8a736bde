import { AWS_LOAD_BALANCER as AWS, LB_ATTRIBUTE as KEY, LbAttributeKey, NAME_TAG } from '../../core/contract';
import { Field } from '../fields';
import { LogStreamFields, readLoadBalancer } from '../load-balancer-fields';
import { block, keyValues, list, objects, str } from '../values';
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
  const field = (key: LbAttributeKey): Field => [attrs.get(key), key];
  const rawBucket = attributeList.find((a) => a.Key === KEY.accessLogsBucket)?.Value;
  const prefix = str(attrs.get(KEY.accessLogsPrefix));
  const loadBalancerName = str(doc.scalar(p.Name));
  const logStream = (enabled: LbAttributeKey, bucketKey: LbAttributeKey, prefixKey: LbAttributeKey): LogStreamFields => {
    const bucket = attributeList.find((a) => a.Key === bucketKey)?.Value;
    const streamPrefix = str(attrs.get(prefixKey));
    return {
      enabled: field(enabled),
      ...(bucket !== undefined ? { bucket: doc.ref(bucket) } : {}),
      ...(streamPrefix !== undefined ? { prefix: streamPrefix } : {}),
    };
  };
  return [readLoadBalancer(id, {
    where,
    name: cfnTag(p.Tags, NAME_TAG) ?? id,
    loadBalancerType: str(doc.scalar(p.Type), AWS.type),
    ...(loadBalancerName !== undefined ? { loadBalancerName } : {}),
    scheme: () => str(doc.scalar(p.Scheme), AWS.scheme),
    ipAddressType: [doc.scalar(p.IpAddressType), 'IpAddressType'],
    minimumCapacityUnits: [doc.scalar(block(p.MinimumLoadBalancerCapacity)?.CapacityUnits), 'MinimumLoadBalancerCapacity.CapacityUnits'],
    idleTimeout: field(KEY.idleTimeout),
    http2: field(KEY.http2),
    dropInvalidHeaderFields: field(KEY.dropInvalidHeaderFields),
    desyncMitigationMode: field(KEY.desyncMitigationMode),
    deletionProtection: field(KEY.deletionProtection),
    xffHeaderProcessingMode: field(KEY.xffHeaderProcessingMode),
    xffClientPort: field(KEY.xffClientPort),
    crossZone: field(KEY.crossZone),
    zonalShift: field(KEY.zonalShift),
    dnsClientRoutingPolicy: field(KEY.dnsClientRoutingPolicy),
    accessLogs: {
      enabled: field(KEY.accessLogsEnabled),
      ...(rawBucket !== undefined ? { bucket: doc.ref(rawBucket) } : {}),
      ...(prefix !== undefined ? { prefix } : {}),
    },
    connectionLogs: logStream(KEY.connectionLogsEnabled, KEY.connectionLogsBucket, KEY.connectionLogsPrefix),
    healthCheckLogs: logStream(KEY.healthCheckLogsEnabled, KEY.healthCheckLogsBucket, KEY.healthCheckLogsPrefix),
    securityGroups: list(p.SecurityGroups).map((sg) => doc.ref(sg)),
    subnetMappings: objects(p.SubnetMappings).map((m) => ({
      subnet: doc.ref(m.SubnetId),
      ...(m.AllocationId !== undefined ? { allocation: doc.ref(m.AllocationId) } : {}),
    })),
  })];
});
