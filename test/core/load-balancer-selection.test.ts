import { FACTS } from './fixtures';
import { LoadBalancerConstruct, LoadBalancerSelection, TargetProtocol, TrafficProtocol } from '../../src/core';
import { planWebApi } from '../../src/core/plan/web-api-plan';

describe('LoadBalancerSelection.choose', () => {
  test('HTTP APIs get WebApiLoadBalancer', () => {
    const choice = LoadBalancerSelection.choose({ protocols: [TrafficProtocol.HTTPS, TrafficProtocol.WEBSOCKET] });
    expect(choice.construct).toBe(LoadBalancerConstruct.WEB_API);
    expect(choice.unmet).toEqual([]);
  });
  test('UDP game traffic gets TcpServiceLoadBalancer, with the reason', () => {
    const choice = LoadBalancerSelection.choose({ protocols: [TrafficProtocol.UDP], longLivedConnections: true });
    expect(choice.construct).toBe(LoadBalancerConstruct.TCP_SERVICE);
    expect(choice.reasons[0]).toBe('UDP is not HTTP: only a network load balancer forwards it');
  });
  test('static IPs or TLS passthrough push HTTP to layer 4, and what is lost is listed', () => {
    const choice = LoadBalancerSelection.choose({ protocols: [TrafficProtocol.HTTPS], tlsPassthrough: true, webApplicationFirewall: true });
    expect(choice.construct).toBe(LoadBalancerConstruct.TCP_SERVICE);
    expect(choice.unmet).toEqual(['AWS WAF attaches to application load balancers only']);
  });
});

test('a non-HTTP protocol on WebApiLoadBalancer names TcpServiceLoadBalancer and why', () => {
  expect(() => planWebApi({ routes: [{ name: 'mqtt', paths: ['/x'], protocol: 'TCP' as TargetProtocol }] }, FACTS))
    .toThrow('Stack/Api: routes["mqtt"].protocol TCP belongs on TcpServiceLoadBalancer, not WebApiLoadBalancer: TCP is not HTTP: only a network load balancer forwards it (received: "TCP")');
});
