import { CertificateModel } from '../../core/model/load-balancer-model';

/** Which model certificate a TLS connection was presented, for the access log's chosen_cert_arn and domain_name. */
export interface ChosenCertificate {
  /** The certificate's ARN (a local stand-in for a certificate lbkit requests); undefined when the model has none. */
  readonly arn?: string;
  /** True when the client's SNI name matched a certificate; false when the default one was presented instead. */
  readonly sniMatched: boolean;
}

/**
 * The ARN the access log names for a model certificate: an imported certificate's own; for one
 * lbkit requests from ACM (its ARN exists only once deployed) a local stand-in naming its domain,
 * in the shape of the target-group stand-ins (`local` region, account 000000000000).
 */
export function certificateArn(cert: CertificateModel): string {
  return cert.kind === 'imported' ? cert.arn : `arn:aws:acm:local:000000000000:certificate/lbkit-local-${cert.domainName.toLowerCase()}`;
}
