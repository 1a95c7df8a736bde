import { AlbAttributesModel, DesyncMitigationModeValue, XffModeValue } from '../../../core/model/load-balancer-model';
import { LoadBalancerPart } from '../parts';
import { ResourceMapping } from '../registry';
import { block, bool, list, num, str } from '../values';
import { TfConfig, tfTag } from './config';

/** aws_lb (and its alias aws_alb); absent arguments read as the provider's defaults. */
export const awsLbMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb', 'aws_alb'],
  read: (id, b, doc) => {
    const where = `load balancer ${id}`;
    const s = (v: unknown) => doc.scalar(v);
    const attributes: AlbAttributesModel = {
      idleTimeoutSeconds: num(s(b.idle_timeout), 60, `${where} idle_timeout`),
      http2Enabled: bool(s(b.enable_http2), true, `${where} enable_http2`),
      dropInvalidHeaderFields: bool(s(b.drop_invalid_header_fields), false, `${where} drop_invalid_header_fields`),
      desyncMitigationMode: str(s(b.desync_mitigation_mode), 'defensive') as DesyncMitigationModeValue,
      deletionProtection: bool(s(b.enable_deletion_protection), false, `${where} enable_deletion_protection`),
      xffHeaderProcessingMode: str(s(b.xff_header_processing_mode), 'append') as XffModeValue,
      xffClientPort: bool(s(b.enable_xff_client_port), false, `${where} enable_xff_client_port`),
    };
    const logs = block(b.access_logs);
    const prefix = logs ? str(s(logs.prefix)) : undefined;
    const loadBalancerName = str(s(b.name));
    const part: LoadBalancerPart = {
      kind: 'load-balancer',
      key: id,
      name: tfTag(b.tags, 'lbkit:name') ?? id.slice(id.indexOf('.') + 1),
      loadBalancerType: str(s(b.load_balancer_type), 'application'),
      ...(loadBalancerName !== undefined ? { loadBalancerName } : {}),
      scheme: bool(s(b.internal), false, `${where} internal`) ? 'internal' : 'internet-facing',
      ipAddressType: str(s(b.ip_address_type), 'ipv4'),
      attributes,
      accessLogs: {
        enabled: logs ? bool(s(logs.enabled), false, `${where} access_logs.enabled`) : false,
        ...(logs ? { bucket: doc.ref(logs.bucket) } : {}),
        ...(prefix !== undefined ? { prefix } : {}),
      },
      securityGroups: list(b.security_groups).map((sg) => doc.ref(sg)),
    };
    return [part];
  },
};
