// The main job: synthesize every example (web-api: an ALB, game-server: an NLB, partner-api: an ALB with
// mutual TLS and sign-in, global-failover: Route 53 over two regional ALBs) with both engines, read each output back into lbkit's model, print
// side by side what each engine produced and whether they match (and, for web-api, game-server and
// global-failover, that their CDK Terrain (cdktn) output reads back to the same model); then serve each
// example on the local reference proxy from each engine's output and tour what it does.
import { readFileSync } from 'fs';
import { isDeepStrictEqual } from 'util';
import { AnyLoadBalancerModel, isApplicationModel } from '../src/core/model/any-load-balancer-model';
import { normalizeModel, LoadBalancerModel, ActionModel, ConditionsModel } from '../src/core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../src/core/model/network-load-balancer-model';
import { DnsRoutingModel } from '../src/core/model/dns-routing-model';
import { readCloudFormation, readDnsCloudFormation, readDnsTerraform, readTerraform } from '../src/readers';
import { runTour } from './demo-tour';
import { runFailoverTour } from './demo-tour-failover';
import { runNlbTour } from './demo-tour-nlb';
import { runPartnerTour } from './demo-tour-partner';
import { failoverFiles, globalFailoverExample, SynthesizedExample, synthExamples } from './synth-examples';

const GREEN = process.stdout.isTTY ? '\x1b[32m' : '';
const RED = process.stdout.isTTY ? '\x1b[31m' : '';
const BOLD = process.stdout.isTTY ? '\x1b[1m' : '';
const RESET = process.stdout.isTTY ? '\x1b[0m' : '';

function describeAction(a: ActionModel): string {
  switch (a.type) {
    case 'forward':
      return 'forward ' + a.targetGroups.map((t) => (a.targetGroups.length > 1 ? `${t.name}:${t.weight}` : t.name)).join(' ')
        + (a.stickinessSeconds ? ` sticky ${a.stickinessSeconds}s` : '');
    case 'redirect':
      return `redirect ${a.statusCode.replace('HTTP_', '')} → ${a.protocol}:${a.port}`;
    case 'fixed-response':
      return `fixed ${a.statusCode}`;
  }
}

function describeConditions(c: ConditionsModel): string {
  const parts: string[] = [];
  if (c.hostHeaders) parts.push(`host ${c.hostHeaders.join('|')}`);
  if (c.pathPatterns) parts.push(`path ${c.pathPatterns.join('|')}`);
  if (c.httpRequestMethods) parts.push(`method ${c.httpRequestMethods.join('|')}`);
  for (const h of c.httpHeaders ?? []) parts.push(`${h.name}: ${h.values.join('|')}`);
  if (c.queryStrings) parts.push(`query ${c.queryStrings.map((q) => `${q.key ?? ''}=${q.value}`).join('|')}`);
  if (c.sourceIps) parts.push(`from ${c.sourceIps.join('|')}`);
  return parts.join(' & ');
}

type Row = [section: string, key: string, text: string];

function rows(m: AnyLoadBalancerModel): Row[] {
  return [...(isApplicationModel(m) ? applicationRows(m) : networkRows(m)), ...monitoringRows(m)];
}

function applicationRows(m: LoadBalancerModel): Row[] {
  const out: Row[] = [];
  out.push(['load balancer', m.name, `${m.scheme} ${m.ipAddressType} idle ${m.attributes.idleTimeoutSeconds}s`]);
  out.push(['load balancer', 'hardening', `desync ${m.attributes.desyncMitigationMode}, drop-invalid ${m.attributes.dropInvalidHeaderFields}, protect ${m.attributes.deletionProtection}`]);
  out.push(['load balancer', 'waf / logs', `waf ${m.waf.kind}${m.waf.kind === 'managed' ? ` (${m.waf.rateLimit}/5min per IP)` : ''}, access logs ${m.accessLogs.enabled ? 'on' : 'off'}`]);
  out.push(['load balancer', 'certificates', m.certificates.map((c) => (c.kind === 'managed' ? c.domainName : 'imported')).join(', ')]);
  for (const l of m.listeners) {
    out.push(['listeners', `${l.protocol} ${l.port}`, describeAction(l.defaultAction)]);
    if (l.sslPolicy) out.push(['listeners', '  tls policy', l.sslPolicy.replace('ELBSecurityPolicy-', '')]);
    if (l.mutualAuthentication) out.push(['listeners', '  mutual tls', l.mutualAuthentication.mode]);
    for (const r of l.rules) out.push([`rules on ${l.port}`, `${String(r.priority).padStart(5)} ${r.route}`, `${describeConditions(r.conditions)} → ${r.authenticate ? `${r.authenticate.type.replace('authenticate-', '')} sign-in, ` : ''}${describeAction(r.action)}`]);
  }
  for (const tg of m.targetGroups) {
    const hc = tg.healthCheck;
    const algorithm = { round_robin: 'round-robin', least_outstanding_requests: 'least-outstanding', weighted_random: 'weighted-random' }[tg.algorithm];
    out.push(['target groups', tg.name, `${tg.protocol}:${tg.port} ${algorithm} drain ${tg.deregistrationDelaySeconds}s`]);
    out.push(['target groups', `  health`, `GET ${hc.path} ${hc.intervalSeconds}s/${hc.timeoutSeconds}s ${hc.healthyThreshold}↑${hc.unhealthyThreshold}↓ ${hc.matcher}`]);
  }
  return out;
}

function networkRows(m: NetworkLoadBalancerModel): Row[] {
  const out: Row[] = [];
  out.push(['load balancer', m.name, `network ${m.scheme} ${m.ipAddressType}${m.elasticIps ? ' elastic-ips' : ''}`]);
  out.push(['load balancer', 'attributes', `cross-zone ${m.attributes.crossZone}, protect ${m.attributes.deletionProtection}`]);
  out.push(['load balancer', 'logs / dns', `access logs ${m.accessLogs.enabled ? 'on' : 'off'}, alias ${m.dnsRecords.map((r) => `${r.name} ${r.type}`).join(', ') || 'none'}`]);
  out.push(['load balancer', 'certificates', m.certificates.map((c) => (c.kind === 'managed' ? c.domainName : 'imported')).join(', ') || 'none']);
  out.push(['load balancer', 'ingress', m.securityGroup.ingress.map((r) => `${r.protocol}/${r.port}`).filter((x, i, all) => all.indexOf(x) === i).join(' ')]);
  for (const l of m.listeners) {
    out.push(['listeners', `${l.protocol} ${l.port}`, `${l.name} → ${l.targetGroup}`]);
    if (l.sslPolicy) out.push(['listeners', '  tls policy', `${l.sslPolicy.replace('ELBSecurityPolicy-', '')} alpn ${l.alpnPolicy ?? 'None'}`]);
  }
  for (const tg of m.targetGroups) {
    const hc = tg.healthCheck;
    const extras = [tg.preserveClientIp ? 'client-ip' : '', tg.proxyProtocolV2 ? 'proxy-v2' : ''].filter((x) => x).join(' ');
    out.push(['target groups', tg.name, `${tg.protocol}:${tg.port} ${tg.sourceIpAffinity ? 'source-ip' : '5-tuple'} drain ${tg.deregistrationDelaySeconds}s${tg.connectionTermination ? ' then close' : ''}${extras ? ` ${extras}` : ''}`]);
    const probe = hc.protocol === 'TCP' ? 'TCP connect' : `${hc.protocol} GET ${hc.path}`;
    out.push(['target groups', '  health', `${probe} :${hc.port} ${hc.intervalSeconds}s/${hc.timeoutSeconds}s ${hc.healthyThreshold}↑${hc.unhealthyThreshold}↓${hc.matcher ? ` ${hc.matcher}` : ''}`]);
  }
  return out;
}

/** One row per alarm (what it watches and when it fires) and one for the dashboard's graphs. */
function monitoringRows(m: AnyLoadBalancerModel): Row[] {
  const op = { GreaterThanThreshold: '>', GreaterThanOrEqualToThreshold: '≥', LessThanThreshold: '<', LessThanOrEqualToThreshold: '≤' };
  const out: Row[] = m.monitoring.alarms.map((a) => {
    const what = a.source.kind === 'metric' ? `${a.source.metric.metricName} ${a.source.metric.statistic}` : a.source.expression;
    return ['alarms', a.id, `${what} ${op[a.comparisonOperator]} ${a.threshold}, ${a.datapointsToAlarm} of ${a.evaluationPeriods} min`];
  });
  const d = m.monitoring.dashboard;
  out.push(['dashboard', 'graphs', d ? d.widgets.map((w) => w.title).join(', ') : 'none']);
  return out;
}

let synthesized: ReturnType<typeof synthExamples> = [];

/** Rows of both engines side by side, with = where they say the same. */
function printSideBySide(left: Row[], right: Row[]): void {
  const keyWidth = Math.max(...[...left, ...right].map((r) => r[1].length));
  const textWidth = Math.max(16, ...left.map((r) => r[2].length));
  let section = '';
  console.log(`  ${''.padEnd(keyWidth)}  ${'CloudFormation'.padEnd(textWidth)}  ${'Terraform'.padEnd(textWidth)}  match`);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i];
    const r = right[i];
    const same = l !== undefined && r !== undefined && l[1] === r[1] && l[2] === r[2];
    if (l && l[0] !== section) { section = l[0]; console.log(`  ${BOLD}${section}${RESET}`); }
    const mark = same ? `${GREEN}=${RESET}` : `${RED}≠${RESET}`;
    console.log(`  ${(l?.[1] ?? r?.[1] ?? '').padEnd(keyWidth)}  ${(l?.[2] ?? '—').padEnd(textWidth)}  ${(r?.[2] ?? '—').padEnd(textWidth)}  ${mark}`);
  }
}

function main(): number {
  console.log(`${BOLD}lbkit demo${RESET}: each example synthesized with aws-cdk-lib and with cdktf (and CDK Terrain), read back into lbkit's model\n`);
  let allMatch = true;
  synthesized = synthExamples();
  for (const example of synthesized) {
    const cfn = JSON.parse(readFileSync(example.cloudFormation, 'utf8'));
    const tf = JSON.parse(readFileSync(example.terraform, 'utf8'));
    console.log(`example ${example.name}`);
    console.log(`  CloudFormation: ${example.cloudFormation} (${Object.keys(cfn.Resources).length} resources)`);
    console.log(`  Terraform:      ${example.terraform} (${Object.values(tf.resource as Record<string, object>).reduce((n, r) => n + Object.keys(r).length, 0)} resources)\n`);
    const fromCfnAll = readCloudFormation(cfn);
    const fromTfAll = readTerraform(tf);
    for (let k = 0; k < Math.max(fromCfnAll.length, fromTfAll.length); k++) {
      const fromCfn = fromCfnAll[k];
      const fromTf = fromTfAll[k];
      const left = fromCfn ? rows(fromCfn) : [];
      const right = fromTf ? rows(fromTf) : [];
      printSideBySide(left, right);
      const equal = isDeepStrictEqual(normalizeModel(fromCfn), normalizeModel(fromTf));
      allMatch &&= equal;
      console.log(`\n  ${equal ? `${GREEN}✓ both engines produce the same load balancer model${RESET}` : `${RED}✗ the engines differ (see ≠ rows)${RESET}`}\n`);
    }
    if (example.cdktn) {
      const fromCdktn = readTerraform(JSON.parse(readFileSync(example.cdktn, 'utf8')));
      allMatch = reportCdktn(example.cdktn, sameModels(fromCdktn, fromTfAll), sameModels(fromCdktn, fromCfnAll)) && allMatch;
    }
  }
  return compareDns(globalFailoverExample) && compareFailoverCdktn(globalFailoverExample) && allMatch ? 0 : 1;
}

/** Two lists of models equal one by one, after normalizing (ordering of sets, absent defaults). */
function sameModels<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((m, i) => isDeepStrictEqual(normalizeModel(m), normalizeModel(b[i])));
}

/**
 * One line for an example's CDK Terrain output: cdktn writes the same cdk.tf.json format as cdktf
 * (only the cdktf/cdktn version and the pinned AWS provider differ), so the same reader reads it.
 */
function reportCdktn(file: string, likeCdktf: boolean, likeCloudFormation: boolean): boolean {
  const ok = likeCdktf && likeCloudFormation;
  const differs = [likeCdktf ? '' : 'cdktf', likeCloudFormation ? '' : 'CloudFormation'].filter((x) => x).join(' and ');
  console.log(`  CDK Terrain:    ${file}`);
  console.log(`  ${ok ? `${GREEN}✓ the cdktn output reads back to the same model as the cdktf and CloudFormation outputs${RESET}`
    : `${RED}✗ the cdktn output reads back to a different model than the ${differs} output${RESET}`}\n`);
  return ok;
}

/**
 * global-failover on cdktn: its one stack holds both regions' load balancers and the Route 53 records. The load
 * balancers are compared with cdktf's and with each region's CloudFormation stack (whose construct id, and so the
 * model's name, is the region's stack's; the name aside), the Route 53 part with both.
 */
function compareFailoverCdktn(example: SynthesizedExample): boolean {
  if (!example.cdktn) return true;
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
  const cdktn = read(example.cdktn);
  const cdktf = read(example.terraform);
  const loadBalancers = readTerraform(cdktn);
  const cfn = failoverFiles('CloudFormation');
  const tfLbNames = failoverFiles('Terraform').loadBalancers;
  const regionalLikeCfn = Object.entries(cfn.loadBalancers).every(([region, { file }]) => {
    const fromTn = loadBalancers.find((m) => m.name === tfLbNames[region].lb);
    const [fromCfn] = readCloudFormation(read(file));
    return fromTn !== undefined && fromCfn !== undefined && isDeepStrictEqual(withName(fromCfn, ''), withName(fromTn, ''));
  });
  const dns = readDnsTerraform(cdktn);
  const likeCdktf = sameModels(loadBalancers, readTerraform(cdktf)) && sameModels(dns, readDnsTerraform(cdktf));
  const likeCfn = regionalLikeCfn && sameModels(dns, readDnsCloudFormation(read(example.cloudFormation)));
  console.log(`example ${example.name} on CDK Terrain (both regions' load balancers and Route 53)`);
  return reportCdktn(example.cdktn, likeCdktf, likeCfn);
}

/** A model under another name: the regional CloudFormation stacks and the one Terraform stack give a load balancer different ids. */
function withName<T extends { readonly name: string }>(model: T, name: string): T {
  return normalizeModel({ ...model, name });
}

function dnsRows(m: DnsRoutingModel): Row[] {
  const out: Row[] = [['route 53', m.recordName, `${m.routingPolicy} routing`]];
  for (const r of m.records) {
    const policy = r.failover ?? (r.region ? `region ${r.region}` : r.weight !== undefined ? `weight ${r.weight}` : '');
    const target = r.alias ? `alias ${r.alias.dnsName}${r.alias.evaluateTargetHealth ? ' +target health' : ''}` : `${r.values?.join(' ')} ttl ${r.ttlSeconds}`;
    out.push(['records', `${r.setIdentifier} ${r.type}`, `${policy} → ${target}${r.healthCheck ? ` checked by ${r.healthCheck}` : ''}`]);
  }
  for (const h of m.healthChecks) {
    out.push(['health checks', h.name, `${h.type} ${h.fqdn ?? h.ipAddress}:${h.port}${h.path ?? ''} every ${h.requestIntervalSeconds}s ×${h.failureThreshold}${h.alarm ? ' + alarm' : ''}`]);
  }
  return out;
}

/** The global-failover example: the GlobalDns template against the Terraform stack, Route 53 part. */
function compareDns(example: SynthesizedExample): boolean {
  const [fromCfn] = readDnsCloudFormation(JSON.parse(readFileSync(example.cloudFormation, 'utf8'))).map(normalizeModel);
  const [fromTf] = readDnsTerraform(JSON.parse(readFileSync(example.terraform, 'utf8'))).map(normalizeModel);
  console.log(`example ${example.name} (Route 53; the regional load balancers are in other CloudFormation stacks)`);
  console.log(`  CloudFormation: ${example.cloudFormation}`);
  console.log(`  Terraform:      ${example.terraform}`);
  console.log('  (<ref>: the load balancer\'s DNS name, known only at deploy time)\n');
  printSideBySide(fromCfn ? dnsRows(fromCfn) : [], fromTf ? dnsRows(fromTf) : []);
  const equal = isDeepStrictEqual(fromCfn, fromTf);
  console.log(`\n  ${equal ? `${GREEN}✓ both engines produce the same Route 53 model${RESET}` : `${RED}✗ the engines differ (see ≠ rows)${RESET}`}\n`);
  return equal;
}

async function tour(keepServing: boolean): Promise<number> {
  const webApi = synthesized.find((e) => e.name === 'web-api');
  const game = synthesized.find((e) => e.name === 'game-server');
  const partner = synthesized.find((e) => e.name === 'partner-api');
  if (!webApi || !game || !partner?.clientCa) return 1;
  const print = (line: string) => console.log(line);
  let ok = true;
  for (const [engine, file] of [['CloudFormation', game.cloudFormation], ['Terraform', game.terraform]] as const) {
    console.log(`${BOLD}game-server served on the local reference proxy from its ${engine} output${RESET} (L4 demo backends from lbkit/health)`);
    ok = (await runNlbTour(file, print)).ok && ok;
    console.log('');
  }
  // One tour from a CDK Terrain file, through the same code path: the cheapest tour (some 5 s), as the proof that
  // `lbkit serve` runs cdktn output; the other examples' cdktn output is proven equal to cdktf's above.
  if (game.cdktn) {
    console.log(`${BOLD}game-server served on the local reference proxy from its CDK Terrain (cdktn) output${RESET}`);
    ok = (await runNlbTour(game.cdktn, print)).ok && ok;
    console.log('');
  }
  for (const engine of ['CloudFormation', 'Terraform'] as const) {
    console.log(`${BOLD}global-failover: both regions on the local proxy and Route 53 on a local DNS server, from the ${engine} output${RESET}`);
    ok = (await runFailoverTour(failoverFiles(engine), print)).ok && ok;
    console.log('');
  }
  for (const [engine, file] of [['CloudFormation', partner.cloudFormation], ['Terraform', partner.terraform]] as const) {
    console.log(`${BOLD}partner-api served on the local reference proxy from its ${engine} output${RESET} (echo targets; a partner CA made for the demo)`);
    ok = (await runPartnerTour(file, partner.clientCa, print)).ok && ok;
    console.log('');
  }
  for (const [engine, file, keep] of [['CloudFormation', webApi.cloudFormation, false], ['Terraform', webApi.terraform, keepServing]] as const) {
    console.log(`${BOLD}web-api served on the local reference proxy from its ${engine} output${RESET} (demo backends built on lbkit/health)`);
    const result = await runTour(file, print, { keepServing: keep });
    ok &&= result.ok;
    console.log('');
  }
  console.log(ok ? `${GREEN}✓ every tour behaved as AWS documents, from every engine's output${RESET}` : `${RED}✗ some tour steps failed${RESET}`);
  return ok ? 0 : 1;
}

async function run(): Promise<number> {
  const args = process.argv.slice(2);
  const compared = main();
  if (args.includes('--no-serve')) return compared;
  const toured = await tour(args.includes('--serve'));
  return compared || toured;
}

void run().then((code) => { process.exitCode = code; }, (e) => { console.error(e); process.exitCode = 1; });
