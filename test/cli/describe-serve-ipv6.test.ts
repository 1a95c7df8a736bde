import { describeServe, ServeDescription } from '../../src/cli/describe-serve';
import { IpAddressType } from '../../src/core/options/enums';
import { CERT_ARN_1, ENGINES } from '../support/engines';

// `lbkit serve` says where a dual-stack load balancer answers IPv6 clients: the IPv6 twin of the
// listen host, at the same ports (the proxy warns instead where the machine cannot listen there).
const listenersOf = (text: string) => text.split('\n').filter((l) => l.startsWith('  ') && /→|also on/.test(l)).slice(0, 3);

test.each([
  [IpAddressType.DUALSTACK, '127.0.0.1', '  (dualstack: each also on [::1] at the same port, UDP excepted)'],
  [IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4, '0.0.0.0', '  (dualstack-without-public-ipv4: each also on [::] at the same port, UDP excepted)'],
])('%s on %s', (type, host, line) => {
  const model = ENGINES[0].synth({ certificateArns: [CERT_ARN_1], ipAddressType: type, routes: [{ name: 'api', paths: ['/api/*'] }] }).model;
  const d: ServeDescription = {
    file: 'template.json',
    model,
    notServed: [],
    targets: {},
    host,
    dnsModels: [],
    endpoints: {},
    handle: { listeners: [{ port: 80, localPort: 8080, protocol: 'HTTP' }, { port: 443, localPort: 8443, protocol: 'HTTPS' }] },
  };
  expect(listenersOf(describeServe(d))[2]).toBe(line);
  const v4 = describeServe({ ...d, model: ENGINES[0].synth({ certificateArns: [CERT_ARN_1], routes: [{ name: 'api', paths: ['/api/*'] }] }).model });
  expect(v4).not.toContain('also on');
});
