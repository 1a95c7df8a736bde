import { aliasRecordsOf, certificatesOf, groupsByName, modelHeadOf, securityGroupEntriesOf } from './assemble-common';
import { monitoringOf } from './assemble-monitoring';
import { LbkitConfigError } from './errors';
import { NETWORK_PROTOCOLS } from './network-target-group-fields';
import { PartGraph } from './part-graph';
import { ListenerPart, LoadBalancerPart, NetworkTargetGroupPart, SecurityGroupRuleEntry } from './parts';
import { AWS_NLB_LISTENER } from '../core/contract';
import { compareText, REFERENCE } from '../core/model/load-balancer-model';
import {
  NetworkLoadBalancerModel, NlbAttributesModel, NlbIngressRuleModel, NlbListenerModel, NlbProtocol,
} from '../core/model/network-load-balancer-model';

const byRule = (a: NlbIngressRuleModel, b: NlbIngressRuleModel) =>
  a.port - b.port || compareText(a.protocol, b.protocol) || compareText(a.cidr, b.cidr);

function rules(entries: SecurityGroupRuleEntry[]): NlbIngressRuleModel[] {
  return entries.map((r) => ({ protocol: r.protocol, port: r.port, cidr: r.cidr })).sort(byRule);
}

/**
 * Links one network load balancer's parts into its model, in canonical order (listeners by port
 * then protocol, target groups by name, security-group rules by port, protocol, CIDR). Each
 * listener forwards every connection to one target group; its name is the `lbkit:listener` key.
 */
export function assembleNetwork(graph: PartGraph, lb: LoadBalancerPart, attributes: NlbAttributesModel, source: string): NetworkLoadBalancerModel {
  const where = `${source}: load balancer ${lb.key}`;
  const listenerParts: ListenerPart[] = graph.all('listener').filter((l) => graph.refersTo(l.loadBalancer, lb.key))
    .sort((a, b) => a.port - b.port || compareText(a.protocol, b.protocol));
  const targetGroups = new Map<string, NetworkTargetGroupPart>();

  const listeners: NlbListenerModel[] = listenerParts.map((l) => {
    const at = `${source}: listener ${l.key} on port ${l.port}`;
    if (!NETWORK_PROTOCOLS.includes(l.protocol)) {
      throw new LbkitConfigError(`${at} uses protocol ${l.protocol}; a network load balancer is read with ${NETWORK_PROTOCOLS.join(', ')} listeners only`);
    }
    const action = l.defaultAction;
    if (action.type !== 'forward' || action.targetGroups.length !== 1) {
      const what = action.type === 'forward' ? `forwards to ${action.targetGroups.length} target groups` : `has a ${action.type} action`;
      throw new LbkitConfigError(`${at} ${what}; a network load balancer's listener forwards to exactly one target group`);
    }
    const ref = action.targetGroups[0].group;
    const application = graph.followAs(ref, 'target-group');
    if (application) {
      throw new LbkitConfigError(`${at} forwards to ${application.key}, an ${application.group.protocol} target group; a network load balancer forwards to ${NETWORK_PROTOCOLS.join(', ')} target groups`);
    }
    const tg = graph.followAs(ref, 'network-target-group');
    if (tg) targetGroups.set(tg.key, tg);
    const tls = l.protocol === 'TLS';
    return {
      name: l.name,
      port: l.port,
      protocol: l.protocol as NlbProtocol,
      ...(tls && l.sslPolicy !== undefined ? { sslPolicy: l.sslPolicy } : {}),
      // AWS's default ALPN policy of a TLS listener is None.
      ...(tls ? { alpnPolicy: l.alpnPolicy ?? 'None' } : {}),
      // Only TCP listeners take an idle timeout; absent, it is AWS's.
      ...(l.protocol === 'TCP' ? { idleTimeoutSeconds: l.tcpIdleTimeoutSeconds ?? AWS_NLB_LISTENER.tcpIdleTimeoutSeconds } : {}),
      targetGroup: tg ? tg.group.name : REFERENCE,
    };
  });

  // Elastic IPs: every subnet mapping with an allocation, or none.
  const allocated = lb.subnetMappings.filter((m) => m.allocation !== undefined).length;
  if (allocated > 0 && allocated < lb.subnetMappings.length) {
    throw new LbkitConfigError(`${where} gives Elastic IPs to ${allocated} of its ${lb.subnetMappings.length} subnet mappings; lbkit reads one Elastic IP per subnet or none`);
  }

  const sg = securityGroupEntriesOf(graph, lb);
  return {
    kind: 'network',
    ...modelHeadOf(graph, lb, where, attributes),
    securityGroup: { ingress: rules(sg.ingress), egress: rules(sg.egress) },
    elasticIps: allocated > 0,
    certificates: certificatesOf(graph, listenerParts.filter((p) => p.protocol === 'TLS')),
    listeners,
    targetGroups: groupsByName(targetGroups.values()),
    dnsRecords: aliasRecordsOf(graph, lb),
    monitoring: monitoringOf(graph, lb, undefined, source),
  };
}
