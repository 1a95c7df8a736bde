import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { logicalName } from './names';
import { CertificateModel } from '../core/model/load-balancer-model';

/**
 * The ARNs of the listener's certificates, in model order: imported ones as given, managed
 * ones created in ACM and validated by DNS in the hosted zone.
 */
export function renderCertificates(scope: Construct, certificates: CertificateModel[], zone: route53.IHostedZone | undefined): string[] {
  return certificates.map((c) => {
    if (c.kind === 'imported') return c.arn;
    const names = [c.domainName, ...c.alternativeNames.filter((n) => n !== c.domainName)];
    const cert = new acm.CfnCertificate(scope, `Certificate-${logicalName(c.domainName)}`, {
      domainName: c.domainName,
      ...(c.alternativeNames.length > 0 ? { subjectAlternativeNames: [...c.alternativeNames] } : {}),
      validationMethod: 'DNS',
      // planWebApi and planTcpService refuse managed certificates without a hosted zone.
      domainValidationOptions: [...new Set(names)].map((domainName) => ({ domainName, hostedZoneId: zone!.hostedZoneId })),
    });
    return cert.ref;
  });
}
