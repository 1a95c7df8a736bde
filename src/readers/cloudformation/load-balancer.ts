import { AlbAttributesModel, DesyncMitigationModeValue, XffModeValue } from '../../core/model/load-balancer-model';
import { NlbAttributesModel } from '../../core/model/network-load-balancer-model';
import { LoadBalancerPart } from '../parts';
import { ResourceMapping } from '../registry';
import { bool, keyValues, list, num, objects, str } from '../values';
import { cfnTag, CfnTemplate } from './template';

/**
 * AWS::ElasticLoadBalancingV2::LoadBalancer, application or network; absent attributes read as
 * AWS's defaults (for a network load balancer: cross-zone off, deletion protection off).
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
    const flag = (key: string) => bool(attr(key), false, `${where} ${key}`);
    const loadBalancerType = str(doc.scalar(p.Type), 'application');
    const attributes: AlbAttributesModel | undefined = loadBalancerType !== 'application' ? undefined : {
      idleTimeoutSeconds: num(attr('idle_timeout.timeout_seconds'), 60, `${where} idle_timeout.timeout_seconds`),
      http2Enabled: bool(attr('routing.http2.enabled'), true, `${where} routing.http2.enabled`),
      dropInvalidHeaderFields: flag('routing.http.drop_invalid_header_fields.enabled'),
      desyncMitigationMode: str(attr('routing.http.desync_mitigation_mode'), 'defensive') as DesyncMitigationModeValue,
      deletionProtection: flag('deletion_protection.enabled'),
      xffHeaderProcessingMode: str(attr('routing.http.xff_header_processing.mode'), 'append') as XffModeValue,
      xffClientPort: flag('routing.http.xff_client_port.enabled'),
    };
    const networkAttributes: NlbAttributesModel | undefined = loadBalancerType !== 'network' ? undefined : {
      crossZone: flag('load_balancing.cross_zone.enabled'),
      deletionProtection: flag('deletion_protection.enabled'),
    };
    const rawBucket = attributeList.find((a) => a.Key === 'access_logs.s3.bucket')?.Value;
    const prefix = str(attr('access_logs.s3.prefix'));
    const loadBalancerName = str(doc.scalar(p.Name));
    const part: LoadBalancerPart = {
      kind: 'load-balancer',
      key: id,
      name: cfnTag(p.Tags, 'lbkit:name') ?? id,
      loadBalancerType,
      ...(loadBalancerName !== undefined ? { loadBalancerName } : {}),
      scheme: str(doc.scalar(p.Scheme), 'internet-facing'),
      ipAddressType: str(doc.scalar(p.IpAddressType), 'ipv4'),
      ...(attributes ? { attributes } : {}),
      ...(networkAttributes ? { networkAttributes } : {}),
      accessLogs: {
        enabled: flag('access_logs.s3.enabled'),
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
