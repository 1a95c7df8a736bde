import { errorOf } from './fixtures';
import { ListenerProtocol } from '../../../src/core';

describe('7. load-balancer selection: HTTP and HTTPS belong on WebApiLoadBalancer', () => {
  test.each(['HTTP', 'HTTPS'])('an %s listener is refused, naming WebApiLoadBalancer and why', (protocol) => {
    expect(errorOf({ listeners: [{ name: 'web', port: 80, protocol: protocol as ListenerProtocol }] })).toBe(
      `Stack/Game: listeners["web"].protocol ${protocol} belongs on WebApiLoadBalancer, not TcpServiceLoadBalancer: `
      + `routing by host, path, header or query needs a layer-7 load balancer (received: "${protocol}")`);
  });

  test('an unknown protocol is refused with the choices', () => {
    expect(errorOf({ listeners: [{ name: 'x', port: 1, protocol: 'SCTP' as ListenerProtocol }] })).toBe(
      'Stack/Game: listeners["x"].protocol must be one of TCP, UDP, TCP_UDP, TLS, QUIC, TCP_QUIC (received: "SCTP")');
  });

  test('no listeners at all is refused', () => {
    expect(errorOf({ listeners: [] })).toBe('Stack/Game: listeners must contain at least one listener (received: [])');
  });
});
