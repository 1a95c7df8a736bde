import { aliasRecordsOf, certificatesOf, groupsByName, logStreamOf, modelHeadOf, securityGroupEntriesOf } from './assemble-common';
import { monitoringOf } from './assemble-monitoring';
import { LbkitConfigError } from './errors';
import { listenerHeadersModel } from './listener-headers';
import { PartGraph } from './part-graph';
import { ActionPart, LambdaTargetGroupPart, ListenerPart, ListenerRulePart, LoadBalancerPart, SecurityGroupRuleEntry, TargetGroupPart, WebAclAssociationPart } from './parts';
import { mutualAuthenticationOf } from './trust-store-fields';
import {
  ActionModel, AlbAttributesModel, compareText, IngressRuleModel, ListenerModel, LoadBalancerModel, REFERENCE, RuleModel,
  WafModel,
} from '../core/model/load-balancer-model';

const byPortThenCidr = (a: { port: number; cidr: string }, b: { port: number; cidr: string }) =>
  a.port - b.port || compareText(a.cidr, b.cidr);

/** An application load balancer's security-group rules: the TCP ones (UDP does not reach it). */
function tcpRules(entries: SecurityGroupRuleEntry[]): IngressRuleModel[] {
  return entries.filter((r) => r.protocol === 'tcp').map((r) => ({ port: r.port, cidr: r.cidr })).sort(byPortThenCidr);
}

/**
 * Links one application load balancer's parts into its model, in canonical order (listeners by
 * port, rules by priority, target groups by name, security-group rules by port then CIDR).
 */
export function assembleApplication(graph: PartGraph, lb: LoadBalancerPart, attributes: AlbAttributesModel, source: string): LoadBalancerModel {
  const where = `${source}: load balancer ${lb.key}`;
  const listenerParts: ListenerPart[] = graph.all('listener').filter((l) => graph.refersTo(l.loadBalancer, lb.key))
    .sort((a, b) => a.port - b.port);
  const targetGroups = new Map<string, TargetGroupPart>();
  const lambdaTargetGroups = new Map<string, LambdaTargetGroupPart>();

  const action = (part: ActionPart, owner: string): ActionModel => {
    if (part.type !== 'forward') return part;
    return {
      type: 'forward',
      targetGroups: part.targetGroups.map((t) => {
        const network = graph.followAs(t.group, 'network-target-group');
        if (network) {
          throw new LbkitConfigError(`${source}: ${owner} forwards to ${network.key}, a ${network.group.protocol} target group; an application load balancer forwards to HTTP and HTTPS target groups`);
        }
        const lambda = graph.followAs(t.group, 'lambda-target-group');
        if (lambda) {
          lambdaTargetGroups.set(lambda.key, lambda);
          return { name: lambda.group.name, weight: t.weight };
        }
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
      .map((r) => ({
        route: r.route,
        priority: r.priority,
        conditions: r.conditions,
        ...(r.authenticate ? { authenticate: r.authenticate } : {}),
        action: action(r.action, `listener rule ${r.key}`),
        ...(r.transforms ? { transforms: r.transforms } : {}),
        ...(r.validateJwt ? { validateJwt: r.validateJwt } : {}),
      }));
    const mutualAuthentication = mutualAuthenticationOf(graph, l.mutualAuthentication, `${source}: listener ${l.key}`);
    if (mutualAuthentication && l.protocol !== 'HTTPS') {
      throw new LbkitConfigError(`${source}: listener ${l.key} on port ${l.port} has mutual authentication but protocol ${l.protocol}; mutual TLS needs HTTPS`);
    }
    return {
      port: l.port,
      protocol: l.protocol,
      ...(l.protocol === 'HTTPS' && l.sslPolicy !== undefined ? { sslPolicy: l.sslPolicy } : {}),
      defaultAction: action(l.defaultAction, `listener ${l.key}`),
      rules,
      ...(mutualAuthentication ? { mutualAuthentication } : {}),
      headers: listenerHeadersModel(l.headers),
    };
  });

  const rules = securityGroupEntriesOf(graph, lb);

  let waf: WafModel = { kind: 'none' };
  const association = graph.all('web-acl-association').find((a: WebAclAssociationPart) => graph.refersTo(a.resource, lb.key));
  if (association) {
    const acl = graph.followAs(association.webAcl, 'web-acl');
    waf = acl
      ? { kind: 'managed', rateLimit: acl.rateLimit, rateLimitWindowSeconds: acl.rateLimitWindowSeconds, managedRuleGroups: [...acl.managedRuleGroups] }
      : { kind: 'existing', webAclArn: association.webAcl.value };
  }

  return {
    kind: 'application',
    ...modelHeadOf(graph, lb, where, attributes),
    connectionLogs: logStreamOf(lb, lb.connectionLogs, where, 'connection logs'),
    healthCheckLogs: logStreamOf(lb, lb.healthCheckLogs, where, 'health-check logs'),
    securityGroup: { ingress: tcpRules(rules.ingress), egress: tcpRules(rules.egress) },
    certificates: certificatesOf(graph, listenerParts.filter((p) => p.protocol === 'HTTPS')),
    listeners,
    targetGroups: groupsByName(targetGroups.values()),
    ...(lambdaTargetGroups.size > 0 ? { lambdaTargetGroups: groupsByName(lambdaTargetGroups.values()) } : {}),
    waf,
    dnsRecords: aliasRecordsOf(graph, lb),
    monitoring: monitoringOf(graph, lb, association && graph.followAs(association.webAcl, 'web-acl')?.key, source),
  };
}
