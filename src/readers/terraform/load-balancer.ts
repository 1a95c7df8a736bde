import { AWS_LOAD_BALANCER as AWS, NAME_TAG } from '../../core/contract';
import { Field } from '../fields';
import { LogStreamFields, readLoadBalancer } from '../load-balancer-fields';
import { ResourceMapping } from '../registry';
import { block, bool, list, objects, str } from '../values';
import { TfConfig, tfTag } from './config';

/**
 * aws_lb (and its alias aws_alb), application or network; name from tag {@link NAME_TAG}; absent
 * arguments read as the provider's defaults, which are AWS's (see {@link readLoadBalancer}).
 */
export const awsLbMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb', 'aws_alb'],
  read: (id, b, doc) => {
    const where = `load balancer ${id}`;
    const s = (v: unknown) => doc.scalar(v);
    const arg = (key: string): Field => [s(b[key]), key];
    const logs = block(b.access_logs);
    const prefix = logs ? str(s(logs.prefix)) : undefined;
    const loadBalancerName = str(s(b.name));
    // health_check_logs: written by lbkit/cdktn (hashicorp/aws 6.x); cdktf's provider (5.100) has no such argument
    const logStream = (name: 'connection_logs' | 'health_check_logs'): LogStreamFields | undefined => {
      const stream = block(b[name]);
      if (!stream) return undefined;
      const streamPrefix = str(s(stream.prefix));
      return {
        enabled: [s(stream.enabled), `${name}.enabled`],
        ...(stream.bucket !== undefined ? { bucket: doc.ref(stream.bucket) } : {}),
        ...(streamPrefix !== undefined ? { prefix: streamPrefix } : {}),
      };
    };
    const connectionLogs = logStream('connection_logs');
    const healthCheckLogs = logStream('health_check_logs');
    return [readLoadBalancer(id, {
      where,
      name: tfTag(b.tags, NAME_TAG) ?? id.slice(id.indexOf('.') + 1),
      loadBalancerType: str(s(b.load_balancer_type), AWS.type),
      ...(loadBalancerName !== undefined ? { loadBalancerName } : {}),
      // `internal` absent: AWS's scheme, internet-facing.
      scheme: () => (bool(s(b.internal), false, `${where} internal`) ? 'internal' : 'internet-facing'),
      ipAddressType: arg('ip_address_type'),
      minimumCapacityUnits: [s(block(b.minimum_load_balancer_capacity)?.capacity_units), 'minimum_load_balancer_capacity.capacity_units'],
      idleTimeout: arg('idle_timeout'),
      http2: arg('enable_http2'),
      dropInvalidHeaderFields: arg('drop_invalid_header_fields'),
      desyncMitigationMode: arg('desync_mitigation_mode'),
      deletionProtection: arg('enable_deletion_protection'),
      xffHeaderProcessingMode: arg('xff_header_processing_mode'),
      xffClientPort: arg('enable_xff_client_port'),
      crossZone: arg('enable_cross_zone_load_balancing'),
      zonalShift: arg('enable_zonal_shift'),
      dnsClientRoutingPolicy: arg('dns_record_client_routing_policy'),
      accessLogs: {
        enabled: logs ? [s(logs.enabled), 'access_logs.enabled'] : [undefined, 'access_logs.enabled'],
        ...(logs ? { bucket: doc.ref(logs.bucket) } : {}),
        ...(prefix !== undefined ? { prefix } : {}),
      },
      ...(connectionLogs ? { connectionLogs } : {}),
      ...(healthCheckLogs ? { healthCheckLogs } : {}),
      securityGroups: list(b.security_groups).map((sg) => doc.ref(sg)),
      subnetMappings: objects(b.subnet_mapping).map((m) => ({
        subnet: doc.ref(m.subnet_id),
        ...(m.allocation_id !== undefined ? { allocation: doc.ref(m.allocation_id) } : {}),
      })),
    })];
  },
};
