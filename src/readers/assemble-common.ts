import { LbkitConfigError } from './errors';
import { PartGraph } from './part-graph';
import {
  AliasRecordPart, BucketLifecyclePart, ListenerCertificatePart, ListenerPart, LoadBalancerPart, LogStreamPart, SecurityGroupRuleEntry,
  SecurityGroupRulePart, ValueRef,
} from './parts';
import { ALB_IP_ADDRESS_TYPES } from '../core/limits';
import {
  AccessLogsModel, CertificateModel, compareText, DnsAliasModel, IpAddressType, LogStreamModel, REFERENCE, Scheme,
} from '../core/model/load-balancer-model';

/**
 * What application and network load balancers read alike: scheme, address type, certificates of
 * the TLS-terminating listeners, security-group rules, access logs, alias records.
 */

/** The fields {@link modelHeadOf} reads. */
export interface ModelHead<A> {
  readonly name: string;
  readonly loadBalancerName?: string;
  readonly scheme: Scheme;
  readonly ipAddressType: IpAddressType;
  readonly minimumCapacityUnits?: number;
  readonly attributes: A;
  readonly accessLogs: AccessLogsModel;
}

/**
 * The fields both kinds of load-balancer model begin with, in the model's order: name,
 * loadBalancerName (when set), scheme, IP address type, LCU reservation (when any), the kind's
 * attributes, access logs.
 */
export function modelHeadOf<A>(graph: PartGraph, lb: LoadBalancerPart, where: string, attributes: A): ModelHead<A> {
  if (lb.scheme !== 'internet-facing' && lb.scheme !== 'internal') {
    throw new LbkitConfigError(`${where} has scheme ${JSON.stringify(lb.scheme)}; expected internet-facing or internal`);
  }
  return {
    name: lb.name,
    ...(lb.loadBalancerName !== undefined ? { loadBalancerName: lb.loadBalancerName } : {}),
    scheme: lb.scheme,
    ipAddressType: ipAddressTypeOf(lb, where),
    ...(lb.minimumCapacityUnits !== undefined ? { minimumCapacityUnits: lb.minimumCapacityUnits } : {}),
    attributes,
    accessLogs: accessLogsOf(graph, lb),
  };
}

/** The IP address type as written: one AWS offers (the reader does not judge the kind; planning does). */
function ipAddressTypeOf(lb: LoadBalancerPart, where: string): IpAddressType {
  const types: readonly string[] = ALB_IP_ADDRESS_TYPES;
  if (!types.includes(lb.ipAddressType)) {
    throw new LbkitConfigError(`${where} has IP address type ${JSON.stringify(lb.ipAddressType)}; expected one of ${types.join(', ')}`);
  }
  return lb.ipAddressType as IpAddressType;
}

/** Target groups sorted by name. */
export function groupsByName<T extends { readonly name: string }>(parts: Iterable<{ readonly group: T }>): T[] {
  return [...parts].map((t) => t.group).sort((a, b) => compareText(a.name, b.name));
}

/** Certificates of the given listeners: each one's default first, then its SNI certificates in document order, each once. */
export function certificatesOf(graph: PartGraph, listeners: ListenerPart[]): CertificateModel[] {
  const certificates: CertificateModel[] = [];
  const seen = new Set<string>();
  for (const l of listeners) {
    const sni = graph.all('listener-certificate').filter((c: ListenerCertificatePart) => graph.refersTo(c.listener, l.key))
      .flatMap((c) => c.certificates);
    for (const ref of [...l.certificates, ...sni]) {
      const cert = graph.followAs(ref, 'certificate');
      const identity = cert ? `key:${cert.key}` : ref.value !== REFERENCE ? `arn:${ref.value}` : undefined;
      if (identity !== undefined) {
        if (seen.has(identity)) continue;
        seen.add(identity);
      }
      certificates.push(cert
        ? { kind: 'managed', domainName: cert.domainName, alternativeNames: [...cert.alternativeNames] }
        : { kind: 'imported', arn: ref.value });
    }
  }
  return certificates;
}

export interface SecurityGroupEntries {
  readonly ingress: SecurityGroupRuleEntry[];
  readonly egress: SecurityGroupRuleEntry[];
}

/** The security-group rules of a load balancer: inline ones of its groups, and separate rule resources, each once. */
export function securityGroupEntriesOf(graph: PartGraph, lb: LoadBalancerPart): SecurityGroupEntries {
  const ingress = new Map<string, SecurityGroupRuleEntry>();
  const egress = new Map<string, SecurityGroupRuleEntry>();
  const key = (r: SecurityGroupRuleEntry) => `${r.protocol} ${r.port} ${r.cidr}`;
  for (const sgRef of lb.securityGroups) {
    const sg = graph.followAs(sgRef, 'security-group');
    if (!sg) continue;
    sg.ingress.forEach((r) => ingress.set(key(r), r));
    sg.egress.forEach((r) => egress.set(key(r), r));
    graph.all('security-group-rule').filter((r: SecurityGroupRulePart) => graph.refersTo(r.group, sg.key)).forEach((r) => {
      r.rules.forEach((rule) => (r.direction === 'ingress' ? ingress : egress).set(key(rule), rule));
    });
  }
  return { ingress: [...ingress.values()], egress: [...egress.values()] };
}

export function accessLogsOf(graph: PartGraph, lb: LoadBalancerPart): AccessLogsModel {
  if (!lb.accessLogs.enabled) return { enabled: false };
  const bucket = graph.followAs(lb.accessLogs.bucket, 'bucket');
  const lifecycle = bucket
    ? graph.all('bucket-lifecycle').find((c: BucketLifecyclePart) => graph.refersTo(c.bucket, bucket.key) && c.expirationDays !== undefined)
    : undefined;
  return {
    enabled: true,
    bucket: bucket
      ? { kind: 'managed', expirationDays: bucket.expirationDays ?? lifecycle?.expirationDays ?? 0 }
      : { kind: 'existing', bucketName: lb.accessLogs.bucket?.value ?? REFERENCE },
    ...(lb.accessLogs.prefix !== undefined ? { prefix: lb.accessLogs.prefix } : {}),
  };
}

const sameRef = (a: ValueRef | undefined, b: ValueRef | undefined): boolean =>
  a !== undefined && b !== undefined && (a.key !== undefined || b.key !== undefined ? a.key === b.key : a.value === b.value);

/**
 * An ALB's connection or health-check logs (`what` names them in errors). The model keeps them in the
 * access-log bucket, so output that writes them elsewhere, or without access logs, is refused.
 */
export function logStreamOf(lb: LoadBalancerPart, stream: LogStreamPart | undefined, where: string, what: string): LogStreamModel {
  if (!stream?.enabled) return { enabled: false };
  if (!lb.accessLogs.enabled || !sameRef(stream.bucket, lb.accessLogs.bucket)) {
    throw new LbkitConfigError(`${where} writes ${what} to another bucket than its access logs (or without access logs); `
      + 'lbkit keeps every log type in the access-log bucket');
  }
  return { enabled: true, ...(stream.prefix !== undefined ? { prefix: stream.prefix } : {}) };
}

/** Alias records pointing at the load balancer, by name then type (a trailing dot stripped). */
export function aliasRecordsOf(graph: PartGraph, lb: LoadBalancerPart): DnsAliasModel[] {
  const records = new Map<string, DnsAliasModel>();
  graph.all('alias-record').filter((r: AliasRecordPart) => graph.refersTo(r.target, lb.key)).forEach((r) => {
    const name = r.name.endsWith('.') ? r.name.slice(0, -1) : r.name;
    records.set(`${name} ${r.type}`, { name, type: r.type });
  });
  return [...records.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.type, b.type));
}
