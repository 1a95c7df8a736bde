import { AlbAttributesModel, DesyncMitigationModeValue, XffModeValue } from '../../core/model/load-balancer-model';
import { NlbAttributesModel } from '../../core/model/network-load-balancer-model';
import { LoadBalancerPart } from '../parts';
import { ResourceMapping } from '../registry';
import { block, bool, list, num, objects, str } from '../values';
import { TfConfig, tfTag } from './config';

/**
 * aws_lb (and its alias aws_alb), application or network; absent arguments read as the
 * provider's defaults (for a network load balancer: cross-zone off, deletion protection off).
 */
export const awsLbMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb', 'aws_alb'],
  read: (id, b, doc) => {
    const where = `load balancer ${id}`;
    const s = (v: unknown) => doc.scalar(v);
    const flag = (key: string) => bool(s(b[key]), false, `${where} ${key}`);
    const loadBalancerType = str(s(b.load_balancer_type), 'application');
    const attributes: AlbAttributesModel | undefined = loadBalancerType !== 'application' ? undefined : {
      idleTimeoutSeconds: num(s(b.idle_timeout), 60, `${where} idle_timeout`),
      http2Enabled: bool(s(b.enable_http2), true, `${where} enable_http2`),
      dropInvalidHeaderFields: flag('drop_invalid_header_fields'),
      desyncMitigationMode: str(s(b.desync_mitigation_mode), 'defensive') as DesyncMitigationModeValue,
      deletionProtection: flag('enable_deletion_protection'),
      xffHeaderProcessingMode: str(s(b.xff_header_processing_mode), 'append') as XffModeValue,
      xffClientPort: flag('enable_xff_client_port'),
    };
    const networkAttributes: NlbAttributesModel | undefined = loadBalancerType !== 'network' ? undefined : {
      crossZone: flag('enable_cross_zone_load_balancing'),
      deletionProtection: flag('enable_deletion_protection'),
    };
    const logs = block(b.access_logs);
    const prefix = logs ? str(s(logs.prefix)) : undefined;
    const loadBalancerName = str(s(b.name));
    const part: LoadBalancerPart = {
      kind: 'load-balancer',
      key: id,
      name: tfTag(b.tags, 'lbkit:name') ?? id.slice(id.indexOf('.') + 1),
      loadBalancerType,
      ...(loadBalancerName !== undefined ? { loadBalancerName } : {}),
      scheme: bool(s(b.internal), false, `${where} internal`) ? 'internal' : 'internet-facing',
      ipAddressType: str(s(b.ip_address_type), 'ipv4'),
      ...(attributes ? { attributes } : {}),
      ...(networkAttributes ? { networkAttributes } : {}),
      accessLogs: {
        enabled: logs ? bool(s(logs.enabled), false, `${where} access_logs.enabled`) : false,
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
