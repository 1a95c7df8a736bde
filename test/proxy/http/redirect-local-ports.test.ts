import { RedirectActionModel } from '../../../src/core/model/load-balancer-model';
import { redirectLocation } from '../../../src/proxy/http/redirect';

// `rewriteRedirectPorts`: a listener port in Location becomes its local port, for hosts this load
// balancer serves; anything else is written as the ALB writes it.
const toHttps: RedirectActionModel = { type: 'redirect', statusCode: 'HTTP_301', protocol: 'HTTPS', host: '#{host}', port: '443', path: '/#{path}', query: '#{query}' };
const input = { protocol: 'http', host: 'api.example.com', port: 80, path: '/v1/x', query: 'y=1' };
const local = { ports: { 80: 8080, 443: 8443 }, hosts: ['api.example.com', '*.example.com'] };

test('without local ports: AWS\'s Location, port always written', () => {
  expect(redirectLocation(toHttps, input)).toBe('https://api.example.com:443/v1/x?y=1');
});

test.each([
  ['the request\'s host, a listener port', toHttps, 'https://api.example.com:8443/v1/x?y=1'],
  ['#{port}: the request\'s listener', { ...toHttps, protocol: '#{protocol}', port: '#{port}' }, 'http://api.example.com:8080/v1/x?y=1'],
  ['another host on a certificate name (wildcard)', { ...toHttps, host: 'www.example.com' }, 'https://www.example.com:8443/v1/x?y=1'],
  ['another host elsewhere keeps its port', { ...toHttps, host: 'docs.example.org' }, 'https://docs.example.org:443/v1/x?y=1'],
  ['a port no listener has stays', { ...toHttps, port: '9443' }, 'https://api.example.com:9443/v1/x?y=1'],
  ['a wildcard covers one label only', { ...toHttps, host: 'a.b.example.com' }, 'https://a.b.example.com:443/v1/x?y=1'],
])('with local ports: %s', (_name, action, location) => {
  expect(redirectLocation(action as RedirectActionModel, input, local)).toBe(location);
});
