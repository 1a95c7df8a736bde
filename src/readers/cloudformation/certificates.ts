import { str, strings } from '../values';
import { cfnMapping } from './template';

/** AWS::CertificateManager::Certificate: a certificate created with the stack (managed). */
export const certificateMapping = cfnMapping('AWS::CertificateManager::Certificate', (id, p, doc) => {
  return [{
    kind: 'certificate',
    key: id,
    domainName: str(doc.scalar(p.DomainName), ''),
    alternativeNames: strings(doc, p.SubjectAlternativeNames),
  }];
});
