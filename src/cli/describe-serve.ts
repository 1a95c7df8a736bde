import { relative } from 'path';
import { TargetMapping } from './mapping';
import { AnyLoadBalancerModel } from '../core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../core/model/dns-routing-model';
import { AdminServer } from '../proxy/admin';
import { DnsServerHandle } from '../proxy/dns';
import { Endpoint, endpointId } from '../proxy/targets/endpoint';
import { LocalTlsProvider } from '../proxy/tls';

/** A path relative to the working directory when it is inside it. */
export function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

const hostPort = (host: string, port: number) => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/** The scheme a listener is reached with, for the printed address. */
function scheme(protocol: string): string {
  return protocol === 'TCP_UDP' ? 'tcp+udp' : protocol.toLowerCase();
}

export interface ServeDescription {
  readonly file: string;
  readonly model?: AnyLoadBalancerModel;
  readonly notServed: readonly string[];
  readonly handle?: { readonly listeners: readonly { port: number; localPort: number; protocol: string }[] };
  readonly targets: TargetMapping;
  readonly host: string;
  readonly tls?: LocalTlsProvider;
  readonly admin?: AdminServer;
  readonly dns?: DnsServerHandle;
  readonly dnsModels: readonly DnsRoutingModel[];
  readonly endpoints: Readonly<Record<string, Endpoint>>;
}

/** What `lbkit serve` prints at start: listeners, target mapping, unmapped groups, CA, DNS and admin addresses. */
export function describeServe(d: ServeDescription): string {
  const lines: string[] = [];
  const { model, handle } = d;
  if (model && handle) {
    lines.push(`lbkit serve: ${model.name} (${model.kind} load balancer) from ${display(d.file)}`, 'listeners:');
    for (const l of handle.listeners) lines.push(`  ${l.protocol} ${l.port} → ${scheme(l.protocol)}://${hostPort(d.host, l.localPort)}`);
    lines.push('targets:');
    const mapped = model.targetGroups.filter((g) => (d.targets[g.name] ?? []).length > 0);
    for (const g of mapped) lines.push(`  ${g.name} → ${d.targets[g.name].map(endpointId).join(', ')}`);
    if (mapped.length === 0) lines.push('  (none)');
    const unmapped = model.targetGroups.filter((g) => !mapped.includes(g)).map((g) => g.name);
    const refusal = model.kind === 'application' ? '503' : 'connections closed';
    if (unmapped.length) lines.push(`unmapped target groups (${refusal} until mapped with --target <route>=<host:port>): ${unmapped.join(', ')}`);
  } else {
    lines.push(`lbkit serve: Route 53 records from ${display(d.file)} (no load balancer served)`);
  }
  if (d.notServed.length) lines.push(`load balancers not served (one per lbkit serve; choose with --lb <name>): ${d.notServed.join(', ')}`);
  if (d.tls) {
    const tlsListener = handle?.listeners.find((l) => l.protocol === 'HTTPS' || l.protocol === 'TLS');
    const name = d.tls.certificates[0][0].replace(/^\*\./, 'www.');
    lines.push(`certificates: ${d.tls.certificates.map((c) => c.join(' ')).join('; ')}`);
    const example = tlsListener?.protocol === 'HTTPS'
      ? `  (curl --cacert ${display(d.tls.ca.certFile)} --resolve ${name}:${tlsListener.localPort}:127.0.0.1 https://${name}:${tlsListener.localPort}/)`
      : tlsListener ? `  (openssl s_client -CAfile ${display(d.tls.ca.certFile)} -servername ${name} -connect 127.0.0.1:${tlsListener.localPort})` : '';
    lines.push(`CA: ${display(d.tls.ca.certFile)}${example}`);
  }
  if (d.dns) {
    lines.push(`dns: udp+tcp ${hostPort(d.dns.host, d.dns.port)}  (dig @${d.dns.host} -p ${d.dns.port} ${d.dnsModels[0]?.recordName ?? '<name>'} A +short)`);
    for (const m of d.dnsModels) {
      lines.push(`  ${m.recordName} ${m.routingPolicy}:`);
      for (const r of m.records) {
        const role = r.failover ?? (r.region ? `region ${r.region}` : r.weight !== undefined ? `weight ${r.weight}` : '');
        const endpoint = d.endpoints[r.setIdentifier];
        const check = r.healthCheck ? m.healthChecks.find((h) => h.name === r.healthCheck) : undefined;
        const probe = check ? `, checked ${check.type} ${check.path ?? ''} every ${check.requestIntervalSeconds}s ×${check.failureThreshold}` : '';
        lines.push(`    ${r.setIdentifier} (${role}) → ${endpoint ? endpointId(endpoint) : 'unmapped (map with --endpoint <name>=<host:port>)'}${probe}`);
      }
    }
  }
  if (d.admin) lines.push(`admin: ${d.admin.url}/targets  ${d.admin.url}/metrics`);
  return `${lines.join('\n')}\n`;
}
