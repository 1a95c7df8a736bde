import { HealthCheckProtocol, ListenerProtocol, SessionAffinity, TlsMode } from '../../src/core/options/enums';
import { TcpEngineOptions } from '../support/engines';

/** Health timings of the test groups: AWS's minimum interval, two checks to change state. */
const FAST_HEALTH = { intervalSeconds: 5, timeoutSeconds: 2, healthyThreshold: 2, unhealthyThreshold: 2 };

/**
 * A network load balancer with each listener kind the HAProxy plane compiles: TCP (round robin, own
 * idle timeout, 10 s deregistration delay ending in connection termination), TCP with source-IP affinity (10 s deregistration delay, open flows kept), TCP with proxy protocol v2, TLS terminated (ALPN policy),
 * TLS re-encrypted with an HTTPS check, TLS passthrough (a TCP listener in front of TLS targets).
 */
export const HAPROXY_NLB_OPTIONS: TcpEngineOptions = {
  managedCertificates: [{ domainName: 'mqtt.example.com' }],
  listeners: [
    {
      name: 'echo',
      port: 7000,
      protocol: ListenerProtocol.TCP,
      idleTimeoutSeconds: 120,
      deregistrationDelaySeconds: 10,
      terminateConnectionsOnDeregistration: true,
      healthCheck: FAST_HEALTH,
    },
    { name: 'sticky', port: 7001, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 10, healthCheck: FAST_HEALTH },
    { name: 'pp', port: 7002, protocol: ListenerProtocol.TCP, proxyProtocolV2: true, healthCheck: FAST_HEALTH },
    { name: 'secure', port: 7443, protocol: ListenerProtocol.TLS, alpnPolicy: 'HTTP2Preferred', healthCheck: FAST_HEALTH },
    {
      name: 'reencrypt',
      port: 7444,
      protocol: ListenerProtocol.TLS,
      targetTls: true,
      healthCheck: { ...FAST_HEALTH, protocol: HealthCheckProtocol.HTTPS, path: '/health', healthyHttpCodes: '200-204' },
    },
    { name: 'passthrough', port: 7445, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, healthCheck: FAST_HEALTH },
  ],
};

/** The same with a UDP listener: refused by the HAProxy plane. */
export const HAPROXY_NLB_WITH_UDP: TcpEngineOptions = {
  listeners: [
    { name: 'echo', port: 7000, protocol: ListenerProtocol.TCP },
    { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7000 } },
  ],
};
