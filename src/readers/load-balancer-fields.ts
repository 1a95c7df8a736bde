import { LbkitConfigError } from './errors';
import { Field } from './fields';
import { LoadBalancerPart, LogStreamPart, ValueRef } from './parts';
import { bool, num, str } from './values';
import { AWS_ALB_LOG_STREAMS, AWS_LOAD_BALANCER as AWS, AWS_NLB_ZONAL } from '../core/contract';
import { AlbAttributesModel, DesyncMitigationModeValue, XffModeValue } from '../core/model/load-balancer-model';
import { DnsClientRoutingPolicyValue, NlbAttributesModel } from '../core/model/network-load-balancer-model';
import { DnsClientRoutingPolicy } from '../core/options/enums';

/** A load balancer's attributes as one engine spells them (CloudFormation attribute keys, Terraform arguments). */
export interface LoadBalancerAttributeFields {
  readonly where: string;
  /** application, network or gateway: which attributes apply. */
  readonly loadBalancerType: string;
  readonly idleTimeout: Field;
  readonly http2: Field;
  readonly dropInvalidHeaderFields: Field;
  readonly desyncMitigationMode: Field;
  readonly deletionProtection: Field;
  readonly xffHeaderProcessingMode: Field;
  readonly xffClientPort: Field;
  readonly crossZone: Field;
  readonly zonalShift: Field;
  readonly dnsClientRoutingPolicy: Field;
}

/** An NLB's `dns_record.client_routing_policy`: one of AWS's three, AWS's any_availability_zone when absent. */
function dnsClientRoutingPolicy(f: LoadBalancerAttributeFields): DnsClientRoutingPolicyValue {
  const [value, key] = f.dnsClientRoutingPolicy;
  const policy = str(value, AWS_NLB_ZONAL.dnsClientRoutingPolicy);
  const allowed: string[] = Object.values(DnsClientRoutingPolicy);
  if (!allowed.includes(policy)) throw new LbkitConfigError(`${f.where} ${key}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return policy as DnsClientRoutingPolicyValue;
}

/** The attributes of the load balancer's kind; both engines' readers call this, so AWS's defaults for absent ones live once. */
export function readLoadBalancerAttributes(f: LoadBalancerAttributeFields): {
  attributes?: AlbAttributesModel;
  networkAttributes?: NlbAttributesModel;
} {
  const n = (field: Field, fallback: number) => num(field[0], fallback, `${f.where} ${field[1]}`);
  const b = (field: Field, fallback: boolean) => bool(field[0], fallback, `${f.where} ${field[1]}`);
  if (f.loadBalancerType === 'application') {
    const attributes: AlbAttributesModel = {
      idleTimeoutSeconds: n(f.idleTimeout, AWS.idleTimeoutSeconds),
      http2Enabled: b(f.http2, AWS.http2Enabled),
      dropInvalidHeaderFields: b(f.dropInvalidHeaderFields, AWS.dropInvalidHeaderFields),
      desyncMitigationMode: str(f.desyncMitigationMode[0], AWS.desyncMitigationMode) as DesyncMitigationModeValue,
      deletionProtection: b(f.deletionProtection, AWS.deletionProtection),
      xffHeaderProcessingMode: str(f.xffHeaderProcessingMode[0], AWS.xffHeaderProcessingMode) as XffModeValue,
      xffClientPort: b(f.xffClientPort, AWS.xffClientPort),
    };
    return { attributes };
  }
  if (f.loadBalancerType === 'network') {
    const networkAttributes: NlbAttributesModel = {
      crossZone: b(f.crossZone, AWS.crossZone),
      deletionProtection: b(f.deletionProtection, AWS.deletionProtection),
      zonalShift: b(f.zonalShift, AWS_NLB_ZONAL.zonalShift),
      dnsClientRoutingPolicy: dnsClientRoutingPolicy(f),
    };
    return { networkAttributes };
  }
  return {};
}

/** A load balancer as one engine spells it: names, placement, its attributes, access logs. */
export interface LoadBalancerFields extends LoadBalancerAttributeFields {
  readonly name: string;
  readonly loadBalancerName?: string;
  /** Read after the attributes (a Terraform `internal` flag is checked there). */
  readonly scheme: () => string;
  readonly ipAddressType: Field;
  /** Reserved LCU; an absent value means no reservation. */
  readonly minimumCapacityUnits: Field;
  readonly accessLogs: { readonly enabled: Field; readonly bucket?: ValueRef; readonly prefix?: string };
  /** An ALB's connection logs as written; absent: AWS's default (off). */
  readonly connectionLogs?: LogStreamFields;
  /** An ALB's health-check logs as written; absent: AWS's default (off). */
  readonly healthCheckLogs?: LogStreamFields;
  readonly securityGroups: ValueRef[];
  readonly subnetMappings: { readonly subnet: ValueRef; readonly allocation?: ValueRef }[];
}

/** A log type besides access logs as one engine spells it. */
export interface LogStreamFields {
  readonly enabled: Field;
  readonly bucket?: ValueRef;
  readonly prefix?: string;
}

/** An ALB's connection and health-check logs; application load balancers only, absent ones off as at AWS. */
function readLogStreams(f: LoadBalancerFields): { connectionLogs?: LogStreamPart; healthCheckLogs?: LogStreamPart } {
  if (f.loadBalancerType !== 'application') return {};
  const stream = (fields: LogStreamFields | undefined, fallback: boolean): LogStreamPart => ({
    enabled: fields ? bool(fields.enabled[0], fallback, `${f.where} ${fields.enabled[1]}`) : fallback,
    ...(fields?.bucket !== undefined ? { bucket: fields.bucket } : {}),
    ...(fields?.prefix !== undefined ? { prefix: fields.prefix } : {}),
  });
  return {
    connectionLogs: stream(f.connectionLogs, AWS_ALB_LOG_STREAMS.connectionLogs),
    healthCheckLogs: stream(f.healthCheckLogs, AWS_ALB_LOG_STREAMS.healthCheckLogs),
  };
}

/** The LCU reservation, when there is one (AWS's default is none, so absent stays absent). */
function readCapacityReservation(f: LoadBalancerFields): { minimumCapacityUnits?: number } {
  const units = num(f.minimumCapacityUnits[0], undefined, `${f.where} ${f.minimumCapacityUnits[1]}`);
  return units !== undefined ? { minimumCapacityUnits: units } : {};
}

/** One load balancer's part; absent settings read as AWS's defaults. */
export function readLoadBalancer(key: string, f: LoadBalancerFields): LoadBalancerPart {
  const { attributes, networkAttributes } = readLoadBalancerAttributes(f);
  return {
    kind: 'load-balancer',
    key,
    name: f.name,
    loadBalancerType: f.loadBalancerType,
    ...(f.loadBalancerName !== undefined ? { loadBalancerName: f.loadBalancerName } : {}),
    scheme: f.scheme(),
    ipAddressType: str(f.ipAddressType[0], AWS.ipAddressType),
    ...readCapacityReservation(f),
    ...(attributes ? { attributes } : {}),
    ...(networkAttributes ? { networkAttributes } : {}),
    accessLogs: {
      enabled: bool(f.accessLogs.enabled[0], AWS.accessLogs, `${f.where} ${f.accessLogs.enabled[1]}`),
      ...(f.accessLogs.bucket !== undefined ? { bucket: f.accessLogs.bucket } : {}),
      ...(f.accessLogs.prefix !== undefined ? { prefix: f.accessLogs.prefix } : {}),
    },
    ...readLogStreams(f),
    securityGroups: f.securityGroups,
    subnetMappings: f.subnetMappings,
  };
}
