import { execFile } from 'child_process';
import { accessSync, constants } from 'fs';
import { delimiter, join } from 'path';
import { promisify } from 'util';
import { DnsHarness, until } from './support';
import { FailoverRole, RoutingPolicy } from '../../../src/core/options/enums';
import { Engine, ENGINES, GlobalEngineOptions } from '../../support/engines';

/**
 * The resolver as a user meets it: `dig @127.0.0.1 -p <port> api.example.com A +short`, over
 * UDP and TCP, from both engines' output. CI installs dig (dnsutils, .ci/run) and fails without
 * it; elsewhere the test is skipped and says so.
 */
const run = promisify(execFile);

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

const DIG = onPath('dig');
const MISSING = 'dig is not on PATH (apt-get install -y dnsutils)';
if (!DIG && !process.env.CI) process.stderr.write(`test/proxy/dns/dig.test.ts: skipped: ${MISSING}\n`);
const digTest = DIG || process.env.CI ? test : test.skip;

const options: GlobalEngineOptions = {
  recordName: 'api.example.com',
  routingPolicy: RoutingPolicy.FAILOVER,
  endpoints: [
    { name: 'eu-west-1', role: FailoverRole.PRIMARY, dnsName: 'lbkit-eu-0123456789.eu-west-1.elb.amazonaws.com', hostedZoneId: 'Z32O12XQLNTSW2' },
    { name: 'us-east-1', role: FailoverRole.SECONDARY, dnsName: 'lbkit-us-0123456789.us-east-1.elb.amazonaws.com', hostedZoneId: 'Z35SXDOTRQ7X7K' },
  ],
};

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new DnsHarness();
  afterEach(() => h.close());

  digTest(`dig +short answers the primary, then the secondary once the primary fails; +tcp too; the answer is authoritative${DIG || process.env.CI ? '' : ` (skipped: ${MISSING})`}`, async () => {
    if (!DIG) throw new Error(`${MISSING}: CI must have it`);
    const eu = await h.backend('127.0.0.2');
    const us = await h.backend('127.0.0.3');
    const dns = await h.dns({ models: [engine.synthGlobal(options).dns], endpoints: { 'eu-west-1': eu.endpoint, 'us-east-1': us.endpoint }, timeScale: 50 });
    const dig = async (...args: string[]) => (await run(DIG, [`@${dns.host}`, '-p', String(dns.port), 'api.example.com', 'A', '+time=2', '+tries=1', ...args], { timeout: 10_000 })).stdout;

    expect(await dig('+short')).toBe('127.0.0.2\n');
    expect(await dig('+short', '+tcp')).toBe('127.0.0.2\n');
    const full = await dig('+noall', '+comments', '+answer');
    expect(full).toMatch(/status: NOERROR/);
    expect(full).toMatch(/flags: qr aa rd;/);
    expect(full).toMatch(/^api\.example\.com\.\s+60\s+IN\s+A\s+127\.0\.0\.2$/m);

    eu.healthy = false;
    await until(async () => (await dig('+short')) === '127.0.0.3\n', 5000, 'dig sees the secondary');
    expect(await dig('+short', '+tcp')).toBe('127.0.0.3\n');
  });

  digTest(`dig: the zone apex's NS and SOA as Route 53 serves them, the NS in the authority section, name servers that resolve to the server${DIG || process.env.CI ? '' : ` (skipped: ${MISSING})`}`, async () => {
    if (!DIG) throw new Error(`${MISSING}: CI must have it`);
    const dns = await h.dns({ models: [engine.synthGlobal(options).dns], endpoints: { 'eu-west-1': { host: '127.0.0.2', port: 443 } }, host: '127.0.0.1' });
    const dig = async (...args: string[]) => (await run(DIG, [`@${dns.host}`, '-p', String(dns.port), '+time=2', '+tries=1', ...args], { timeout: 10_000 })).stdout;
    const nameServers = ['ns-2048.awsdns-64.com.test.', 'ns-2049.awsdns-65.net.test.', 'ns-2050.awsdns-66.org.test.', 'ns-2051.awsdns-67.co.uk.test.'];

    expect((await dig('example.com', 'NS', '+short')).split('\n').filter(Boolean).sort()).toEqual(nameServers);
    expect(await dig('example.com', 'SOA', '+short')).toBe('ns-2048.awsdns-64.com.test. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400\n');
    const ns = await dig('example.com', 'NS', '+noall', '+comments', '+answer', '+additional');
    expect(ns).toMatch(/flags: qr aa rd;/);
    for (const name of nameServers) {
      expect(ns).toMatch(new RegExp(`^example\\.com\\.\\s+172800\\s+IN\\s+NS\\s+${name.replace(/\./g, '\\.')}$`, 'm'));
      expect(ns).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}\\s+172800\\s+IN\\s+A\\s+127\\.0\\.0\\.1$`, 'm'));
    }
    const positive = await dig('api.example.com', 'A', '+noall', '+answer', '+authority', '+tcp');
    expect(positive).toMatch(/^api\.example\.com\.\s+60\s+IN\s+A\s+127\.0\.0\.2$/m);
    expect(positive.match(/^example\.com\.\s+172800\s+IN\s+NS\s+\S+$/gm)).toHaveLength(4);
    const negative = await dig('nope.example.com', 'A', '+noall', '+comments', '+authority');
    expect(negative).toMatch(/status: NXDOMAIN/);
    expect(negative).toMatch(/^example\.com\.\s+900\s+IN\s+SOA\s+ns-2048\.awsdns-64\.com\.test\. awsdns-hostmaster\.amazon\.com\. 1 7200 900 1209600 86400$/m);
    for (const name of nameServers) expect(await dig(name, 'A', '+short')).toBe('127.0.0.1\n');
  });
});
