// GENERATED from src/cdktf/render/certificates.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { AcmCertificate } from '@cdktn/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktn/provider-aws/lib/acm-certificate-validation';
import { LbListenerCertificate } from '@cdktn/provider-aws/lib/lb-listener-certificate';
import { Route53Record } from '@cdktn/provider-aws/lib/route53-record';
import { Fn, TerraformIterator, Token } from 'cdktn';
import { Construct } from 'constructs';
import { CertificateModel } from '../../core/model/load-balancer-model';

/** TTL of the DNS validation records: short, they are only read by ACM. */
const VALIDATION_RECORD_TTL = 60;

/**
 * The ARN of each model certificate, in order (the first is the listener's default).
 * A managed certificate becomes `aws_acm_certificate` (DNS validation, created before the
 * old one is destroyed so the listener always holds one), an `aws_route53_record` per
 * name on the certificate (`for_each` over the names) and an
 * `aws_acm_certificate_validation`, whose ARN the listener uses so it waits for issuance.
 */
export function renderCertificates(scope: Construct, certificates: CertificateModel[], hostedZoneId: string | undefined): string[] {
  return certificates.map((cert, i) => {
    if (cert.kind === 'imported') return cert.arn;
    if (hostedZoneId === undefined) throw new Error('unreachable: the planner requires a hosted zone for managed certificates');
    const acm = new AcmCertificate(scope, `Certificate${i}`, {
      domainName: cert.domainName,
      ...(cert.alternativeNames.length > 0 ? { subjectAlternativeNames: [...cert.alternativeNames] } : {}),
      validationMethod: 'DNS',
      lifecycle: { createBeforeDestroy: true },
    });
    // for_each keys must be known at plan time: iterate over the certificate's names (known
    // now) and look each one's record up in the validation options (known after apply).
    const byDomain = TerraformIterator.fromList(acm.domainValidationOptions)
      .forExpressionForMap('val.domain_name', 'val');
    const names = TerraformIterator.fromList([cert.domainName, ...cert.alternativeNames]);
    const field = (attribute: string) => Token.asString(Fn.lookupNested(byDomain, [names.value, attribute]));
    const records = new Route53Record(scope, `Certificate${i}ValidationRecord`, {
      forEach: names,
      zoneId: hostedZoneId,
      name: field('resource_record_name'),
      type: field('resource_record_type'),
      records: [field('resource_record_value')],
      ttl: VALIDATION_RECORD_TTL,
      // A name and its wildcard share one validation record.
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(scope, `Certificate${i}Validation`, {
      certificateArn: acm.arn,
      validationRecordFqdns: Token.asList(TerraformIterator.fromResources(records).pluckProperty('fqdn')),
    });
    return validation.certificateArn;
  });
}

/**
 * The SNI certificates of one listener: an `aws_lb_listener_certificate` per certificate after
 * the default (first), in order, with ids `<listenerId>Certificate<n>` (n from 1).
 */
export function renderSniCertificates(scope: Construct, listenerId: string, listenerArn: string, certificateArns: string[]): void {
  certificateArns.slice(1).forEach((certificateArn, i) => {
    new LbListenerCertificate(scope, `${listenerId}Certificate${i + 1}`, { listenerArn, certificateArn });
  });
}
