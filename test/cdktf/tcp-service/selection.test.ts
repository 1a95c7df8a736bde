import { errorOf } from './fixtures';
import { ListenerProtocol } from '../../../src/core';

describe('7. selection: HTTP belongs on WebApiLoadBalancer (Terraform)', () => {
  test.each(['HTTP', 'HTTPS'])('a %s listener names WebApiLoadBalancer and why', (protocol) => {
    expect(errorOf({ listeners: [{ name: 'web', port: 80, protocol: protocol as ListenerProtocol }] })).toBe(
      `Stack/Nlb: listeners["web"].protocol ${protocol} belongs on WebApiLoadBalancer, not TcpServiceLoadBalancer: `
      + `routing by host, path, header or query needs a layer-7 load balancer (received: "${protocol}")`);
  });

  test('an unknown protocol lists the ones there are', () => {
    expect(errorOf({ listeners: [{ name: 'x', port: 80, protocol: 'SCTP' as ListenerProtocol }] })).toBe(
      'Stack/Nlb: listeners["x"].protocol must be one of TCP, UDP, TCP_UDP, TLS, QUIC, TCP_QUIC (received: "SCTP")');
  });
});
