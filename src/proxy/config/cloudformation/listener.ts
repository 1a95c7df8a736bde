import { ListenerPart } from '../parts';
import { ResourceMapping } from '../registry';
import { num, objects, str } from '../values';
import { readCfnActions } from './action';
import { CfnTemplate } from './template';

/** AWS::ElasticLoadBalancingV2::Listener: port, protocol, TLS policy, default certificate, default action. */
export const listenerMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    const where = `listener ${id}`;
    const certificates = objects(p.Certificates).map((c) => doc.ref(c.CertificateArn));
    const protocol = str(doc.scalar(p.Protocol), certificates.length > 0 ? 'HTTPS' : 'HTTP');
    const sslPolicy = str(doc.scalar(p.SslPolicy));
    const part: ListenerPart = {
      kind: 'listener',
      key: id,
      loadBalancer: doc.ref(p.LoadBalancerArn),
      port: num(doc.scalar(p.Port), protocol === 'HTTPS' ? 443 : 80, `${where} Port`),
      protocol,
      ...(sslPolicy !== undefined ? { sslPolicy } : {}),
      certificates,
      defaultAction: readCfnActions(p.DefaultActions, doc, where),
    };
    return [part];
  },
};

/** AWS::ElasticLoadBalancingV2::ListenerCertificate: further (SNI) certificates of a listener. */
export const listenerCertificateMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::ElasticLoadBalancingV2::ListenerCertificate'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    return [{
      kind: 'listener-certificate',
      key: id,
      listener: doc.ref(p.ListenerArn),
      certificates: objects(p.Certificates).map((c) => doc.ref(c.CertificateArn)),
    }];
  },
};
