import { ResourceMapping } from '../registry';
import { str, strings } from '../values';
import { CfnTemplate } from './template';

/** AWS::CertificateManager::Certificate: a certificate created with the stack (managed). */
export const certificateMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::CertificateManager::Certificate'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    return [{
      kind: 'certificate',
      key: id,
      domainName: str(doc.scalar(p.DomainName), ''),
      alternativeNames: strings(doc, p.SubjectAlternativeNames),
    }];
  },
};
