import { CertificateModel } from '../../core/model/load-balancer-model';
import { LOCAL_ARN_ACCOUNT, LOCAL_ARN_REGION } from '../local-arn';

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
 * in the shape of the target-group stand-ins.
 */
export function certificateArn(cert: CertificateModel): string {
  return cert.kind === 'imported' ? cert.arn : `arn:aws:acm:${LOCAL_ARN_REGION}:${LOCAL_ARN_ACCOUNT}:certificate/lbkit-local-${cert.domainName.toLowerCase()}`;
}
