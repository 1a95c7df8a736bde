import { LISTENER_TAG, terraformListenerArgument } from '../../core/contract';
import { readListenerHeaders } from '../listener-headers';
import { ListenerPart } from '../parts';
import { ResourceMapping } from '../registry';
import { block, bool, listenerPort, num, str } from '../values';
import { readTfActions } from './actions';
import { TfConfig, tfTag } from './config';

/**
 * aws_lb_listener (aws_alb_listener): port, protocol, TLS and ALPN policies, TCP idle timeout,
 * default certificate, default action; name from tag {@link LISTENER_TAG} (network load balancers).
 */
export const awsLbListenerMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
  read: (id, b, doc) => {
    const where = `listener ${id}`;
    const certificates = b.certificate_arn !== undefined ? [doc.ref(b.certificate_arn)] : [];
    const protocol = str(doc.scalar(b.protocol), certificates.length > 0 ? 'HTTPS' : 'HTTP');
    const sslPolicy = str(doc.scalar(b.ssl_policy));
    const alpnPolicy = str(doc.scalar(b.alpn_policy));
    const tcpIdleTimeoutSeconds = num(doc.scalar(b.tcp_idle_timeout_seconds), undefined, `${where} tcp_idle_timeout_seconds`);
    const mtls = block(b.mutual_authentication);
    const advertise = mtls ? str(doc.scalar(mtls.advertise_trust_store_ca_names)) : undefined;
    const headers = readListenerHeaders((key) => doc.scalar(b[terraformListenerArgument(key)]), where);
    const part: ListenerPart = {
      kind: 'listener',
      key: id,
      name: tfTag(b.tags, LISTENER_TAG) ?? id.slice(id.indexOf('.') + 1),
      loadBalancer: doc.ref(b.load_balancer_arn),
      port: listenerPort(doc.scalar(b.port), protocol === 'HTTPS' ? 443 : 80, `${where} port`),
      protocol,
      ...(sslPolicy !== undefined ? { sslPolicy } : {}),
      ...(alpnPolicy !== undefined ? { alpnPolicy } : {}),
      ...(tcpIdleTimeoutSeconds !== undefined ? { tcpIdleTimeoutSeconds } : {}),
      headers,
      certificates,
      defaultAction: readTfActions(b.default_action, doc, where),
      ...(mtls ? {
        mutualAuthentication: {
          mode: str(doc.scalar(mtls.mode), 'off'),
          ...(mtls.trust_store_arn !== undefined ? { trustStore: doc.ref(mtls.trust_store_arn) } : {}),
          ...(mtls.ignore_client_certificate_expiry !== undefined
            ? { ignoreClientCertificateExpiry: bool(doc.scalar(mtls.ignore_client_certificate_expiry), false, `${where} ignore_client_certificate_expiry`) } : {}),
          ...(advertise !== undefined ? { advertiseTrustStoreCaNames: advertise } : {}),
        },
      } : {}),
    };
    return [part];
  },
};

/** aws_lb_listener_certificate (aws_alb_listener_certificate): one further (SNI) certificate. */
export const awsLbListenerCertificateMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_lb_listener_certificate', 'aws_alb_listener_certificate'],
  read: (id, b, doc) => [{
    kind: 'listener-certificate',
    key: id,
    listener: doc.ref(b.listener_arn),
    certificates: [doc.ref(b.certificate_arn)],
  }],
};
