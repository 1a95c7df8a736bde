import { LISTENER_ATTRIBUTE, LISTENER_TAG } from '../../core/contract';
import { LbkitConfigError } from '../errors';
import { readListenerHeaders } from '../listener-headers';
import { ListenerPart } from '../parts';
import { bool, isObject, keyValues, listenerPort, num, objects, str, strings } from '../values';
import { readCfnActions } from './actions';
import { cfnMapping } from './template';

/**
 * AWS::ElasticLoadBalancingV2::Listener: port, protocol, TLS and ALPN policies, TCP idle timeout,
 * default certificate, default action; name from `Metadata[LISTENER_TAG]` (network load balancers).
 */
export const listenerMapping = cfnMapping('AWS::ElasticLoadBalancingV2::Listener', (id, p, doc, resource) => {
  const where = `listener ${id}`;
  const certificates = objects(p.Certificates).map((c) => doc.ref(c.CertificateArn));
  const protocol = str(doc.scalar(p.Protocol), certificates.length > 0 ? 'HTTPS' : 'HTTP');
  const sslPolicy = str(doc.scalar(p.SslPolicy));
  const alpn = strings(doc, p.AlpnPolicy);
  if (alpn.length > 1) throw new LbkitConfigError(`${where}: AlpnPolicy holds ${alpn.length} policies (${alpn.join(', ')}); a listener takes one`);
  const attributes = keyValues(p.ListenerAttributes, `${where} ListenerAttributes`);
  const idle = attributes.find((a) => a.Key === LISTENER_ATTRIBUTE.tcpIdleTimeout);
  const tcpIdleTimeoutSeconds = num(doc.scalar(idle?.Value), undefined, `${where} ${LISTENER_ATTRIBUTE.tcpIdleTimeout}`);
  const headers = readListenerHeaders((key) => doc.scalar(attributes.find((a) => a.Key === key)?.Value), where);
  const metadata = isObject(resource.Metadata) ? resource.Metadata : {};
  const mtls = isObject(p.MutualAuthentication) ? p.MutualAuthentication : undefined;
  const advertise = mtls ? str(doc.scalar(mtls.AdvertiseTrustStoreCaNames)) : undefined;
  const part: ListenerPart = {
    kind: 'listener',
    key: id,
    name: str(doc.scalar(metadata[LISTENER_TAG]), id),
    loadBalancer: doc.ref(p.LoadBalancerArn),
    port: listenerPort(doc.scalar(p.Port), protocol === 'HTTPS' ? 443 : 80, `${where} Port`),
    protocol,
    ...(sslPolicy !== undefined ? { sslPolicy } : {}),
    ...(alpn.length === 1 ? { alpnPolicy: alpn[0] } : {}),
    ...(tcpIdleTimeoutSeconds !== undefined ? { tcpIdleTimeoutSeconds } : {}),
    headers,
    certificates,
    defaultAction: readCfnActions(p.DefaultActions, doc, where),
    ...(mtls ? {
      mutualAuthentication: {
        mode: str(doc.scalar(mtls.Mode), 'off'),
        ...(mtls.TrustStoreArn !== undefined ? { trustStore: doc.ref(mtls.TrustStoreArn) } : {}),
        ...(mtls.IgnoreClientCertificateExpiry !== undefined
          ? { ignoreClientCertificateExpiry: bool(doc.scalar(mtls.IgnoreClientCertificateExpiry), false, `${where} IgnoreClientCertificateExpiry`) } : {}),
        ...(advertise !== undefined ? { advertiseTrustStoreCaNames: advertise } : {}),
      },
    } : {}),
  };
  return [part];
});

/** AWS::ElasticLoadBalancingV2::ListenerCertificate: further (SNI) certificates of a listener. */
export const listenerCertificateMapping = cfnMapping('AWS::ElasticLoadBalancingV2::ListenerCertificate', (id, p, doc) => {
  return [{
    kind: 'listener-certificate',
    key: id,
    listener: doc.ref(p.ListenerArn),
    certificates: objects(p.Certificates).map((c) => doc.ref(c.CertificateArn)),
  }];
});
