import { ResourceMapping } from '../registry';
import { str, strings } from '../values';
import { TfConfig } from './config';

/** aws_acm_certificate: a certificate created with the configuration (managed). */
export const awsAcmCertificateMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_acm_certificate'],
  read: (id, b, doc) => [{
    kind: 'certificate',
    key: id,
    domainName: str(doc.scalar(b.domain_name), ''),
    alternativeNames: strings(doc, b.subject_alternative_names),
  }],
};

/** aws_acm_certificate_validation: its certificate_arn output stands for the certificate. */
export const awsAcmCertificateValidationMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_acm_certificate_validation'],
  read: (id, b, doc) => [{ kind: 'pointer', key: id, to: doc.ref(b.certificate_arn) }],
};
