import { LbkitConfigError } from './errors';
import {
  ActionPart, AliasRecordPart, BucketLifecyclePart, ListenerCertificatePart, ListenerPart, ListenerRulePart,
  LoadBalancerPart, Part, PartKind, SecurityGroupRulePart, TargetGroupPart, ValueRef, WebAclAssociationPart,
} from './parts';
import {
  AccessLogsModel, ActionModel, CertificateModel, DnsAliasModel, IngressRuleModel, IpAddressType, ListenerModel,
  LoadBalancerModel, REFERENCE, RuleModel, Scheme, TargetGroupModel, WafModel, compareText,
} from '../../core/model/load-balancer-model';

type PartOf<K extends PartKind> = Extract<Part, { kind: K }>;

const byPortThenCidr = (a: { port: number; cidr: string }, b: { port: number; cidr: string }) =>
  a.port - b.port || compareText(a.cidr, b.cidr);

/**
 * Links the parts read from one synthesized output into one model per application load
 * balancer, in the model's canonical order (listeners by port, rules by priority, target
 * groups by name, security-group rules by port then CIDR, DNS records by name then type).
 *
 * @param source names the input in error messages
 */
export function assembleModels(parts: Part[], source: string): LoadBalancerModel[] {
  const graph = new PartGraph(parts);
  const all = graph.all('load-balancer');
  const loadBalancers = all.filter((lb) => lb.loadBalancerType === 'application');
  if (loadBalancers.length === 0) {
    const others = all.map((lb) => `${lb.key} (${lb.loadBalancerType})`);
    throw new LbkitConfigError(`${source}: no application load balancer found`
      + (others.length > 0 ? `, only ${others.join(', ')}, which lbkit does not read yet` : ' (expected an AWS::ElasticLoadBalancingV2::LoadBalancer or aws_lb resource)'));
  }
  return loadBalancers.map((lb) => assembleOne(graph, lb, source)).sort((a, b) => compareText(a.name, b.name));
}

class PartGraph {
  private readonly byKey = new Map<string, Part>();

  constructor(private readonly parts: Part[]) {
    for (const part of parts) this.byKey.set(part.key, part);
  }

  public all<K extends PartKind>(kind: K): PartOf<K>[] {
    return this.parts.filter((p): p is PartOf<K> => p.kind === kind);
  }

  /** The part a value refers to, through pointers (e.g. a certificate validation). */
  public follow(ref: ValueRef | undefined): Part | undefined {
    const seen = new Set<string>();
    let part = ref?.key !== undefined ? this.byKey.get(ref.key) : undefined;
    while (part?.kind === 'pointer' && !seen.has(part.key)) {
      seen.add(part.key);
      part = part.to.key !== undefined ? this.byKey.get(part.to.key) : undefined;
    }
    return part;
  }

  public refersTo(ref: ValueRef | undefined, key: string): boolean {
    return this.follow(ref)?.key === key;
  }

  public followAs<K extends PartKind>(ref: ValueRef | undefined, kind: K): PartOf<K> | undefined {
    const part = this.follow(ref);
    return part?.kind === kind ? part as PartOf<K> : undefined;
  }
}

function assembleOne(graph: PartGraph, lb: LoadBalancerPart, source: string): LoadBalancerModel {
  const where = `${source}: load balancer ${lb.key}`;
  const listenerParts: ListenerPart[] = graph.all('listener').filter((l) => graph.refersTo(l.loadBalancer, lb.key))
    .sort((a, b) => a.port - b.port);
  const targetGroups = new Map<string, TargetGroupPart>();

  const action = (part: ActionPart): ActionModel => {
    if (part.type !== 'forward') return part;
    return {
      type: 'forward',
      targetGroups: part.targetGroups.map((t) => {
        const tg = graph.followAs(t.group, 'target-group');
        if (tg) targetGroups.set(tg.key, tg);
        return { name: tg ? tg.group.name : REFERENCE, weight: t.weight };
      }),
      ...(part.stickinessSeconds !== undefined ? { stickinessSeconds: part.stickinessSeconds } : {}),
    };
  };

  const listeners: ListenerModel[] = listenerParts.map((l) => {
    if (l.protocol !== 'HTTP' && l.protocol !== 'HTTPS') {
      throw new LbkitConfigError(`${source}: listener ${l.key} on port ${l.port} uses protocol ${l.protocol}; an application load balancer is read with HTTP and HTTPS listeners only`);
    }
    const rules: RuleModel[] = graph.all('listener-rule').filter((r: ListenerRulePart) => graph.refersTo(r.listener, l.key))
      .sort((a, b) => a.priority - b.priority || compareText(a.key, b.key))
      .map((r) => ({ route: r.route, priority: r.priority, conditions: r.conditions, action: action(r.action) }));
    return {
      port: l.port,
      protocol: l.protocol,
      ...(l.protocol === 'HTTPS' && l.sslPolicy !== undefined ? { sslPolicy: l.sslPolicy } : {}),
      defaultAction: action(l.defaultAction),
      rules,
    };
  });

  // Certificates: each HTTPS listener's default first, then its SNI certificates in document order.
  const certificates: CertificateModel[] = [];
  const seenCertificates = new Set<string>();
  for (const l of listenerParts.filter((p) => p.protocol === 'HTTPS')) {
    const sni = graph.all('listener-certificate').filter((c: ListenerCertificatePart) => graph.refersTo(c.listener, l.key))
      .flatMap((c) => c.certificates);
    for (const ref of [...l.certificates, ...sni]) {
      const cert = graph.followAs(ref, 'certificate');
      const identity = cert ? `key:${cert.key}` : ref.value !== REFERENCE ? `arn:${ref.value}` : undefined;
      if (identity !== undefined) {
        if (seenCertificates.has(identity)) continue;
        seenCertificates.add(identity);
      }
      certificates.push(cert
        ? { kind: 'managed', domainName: cert.domainName, alternativeNames: [...cert.alternativeNames] }
        : { kind: 'imported', arn: ref.value });
    }
  }

  // Security group rules: inline ones of the groups, and separate rule resources.
  const ingress = new Map<string, IngressRuleModel>();
  const egress = new Map<string, IngressRuleModel>();
  for (const sgRef of lb.securityGroups) {
    const sg = graph.followAs(sgRef, 'security-group');
    if (!sg) continue;
    sg.ingress.forEach((r) => ingress.set(`${r.port} ${r.cidr}`, r));
    sg.egress.forEach((r) => egress.set(`${r.port} ${r.cidr}`, r));
    graph.all('security-group-rule').filter((r: SecurityGroupRulePart) => graph.refersTo(r.group, sg.key)).forEach((r) => {
      r.rules.forEach((rule) => (r.direction === 'ingress' ? ingress : egress).set(`${rule.port} ${rule.cidr}`, { port: rule.port, cidr: rule.cidr }));
    });
  }

  // Access logs.
  let accessLogs: AccessLogsModel = { enabled: false };
  if (lb.accessLogs.enabled) {
    const bucket = graph.followAs(lb.accessLogs.bucket, 'bucket');
    const lifecycle = bucket
      ? graph.all('bucket-lifecycle').find((c: BucketLifecyclePart) => graph.refersTo(c.bucket, bucket.key) && c.expirationDays !== undefined)
      : undefined;
    accessLogs = {
      enabled: true,
      bucket: bucket
        ? { kind: 'managed', expirationDays: bucket.expirationDays ?? lifecycle?.expirationDays ?? 0 }
        : { kind: 'existing', bucketName: lb.accessLogs.bucket?.value ?? REFERENCE },
      ...(lb.accessLogs.prefix !== undefined ? { prefix: lb.accessLogs.prefix } : {}),
    };
  }

  // WAF.
  let waf: WafModel = { kind: 'none' };
  const association = graph.all('web-acl-association').find((a: WebAclAssociationPart) => graph.refersTo(a.resource, lb.key));
  if (association) {
    const acl = graph.followAs(association.webAcl, 'web-acl');
    waf = acl
      ? { kind: 'managed', rateLimit: acl.rateLimit, rateLimitWindowSeconds: acl.rateLimitWindowSeconds, managedRuleGroups: [...acl.managedRuleGroups] }
      : { kind: 'existing', webAclArn: association.webAcl.value };
  }

  // Alias records.
  const records = new Map<string, DnsAliasModel>();
  graph.all('alias-record').filter((r: AliasRecordPart) => graph.refersTo(r.target, lb.key)).forEach((r) => {
    const name = r.name.endsWith('.') ? r.name.slice(0, -1) : r.name;
    records.set(`${name} ${r.type}`, { name, type: r.type });
  });

  if (lb.scheme !== 'internet-facing' && lb.scheme !== 'internal') {
    throw new LbkitConfigError(`${where} has scheme ${JSON.stringify(lb.scheme)}; expected internet-facing or internal`);
  }

  const groups: TargetGroupModel[] = [...targetGroups.values()].map((t) => t.group).sort((a, b) => compareText(a.name, b.name));
  return {
    kind: 'application',
    name: lb.name,
    ...(lb.loadBalancerName !== undefined ? { loadBalancerName: lb.loadBalancerName } : {}),
    scheme: lb.scheme as Scheme,
    ipAddressType: (lb.ipAddressType.startsWith('dualstack') ? 'dualstack' : lb.ipAddressType) as IpAddressType,
    attributes: lb.attributes,
    accessLogs,
    securityGroup: {
      ingress: [...ingress.values()].sort(byPortThenCidr),
      egress: [...egress.values()].sort(byPortThenCidr),
    },
    certificates,
    listeners,
    targetGroups: groups,
    waf,
    dnsRecords: [...records.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.type, b.type)),
  };
}
