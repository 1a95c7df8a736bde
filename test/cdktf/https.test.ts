import { addressOf, all, CERT_ARN, CERT_ARN_2, errorOf, listener, ref, synth, ZONE_ID } from './fixtures';

describe('2. HTTPS with a TLS 1.3 policy, default and SNI certificates (Terraform)', () => {
  test('HTTPS 443 with AWS\'s recommended TLS 1.3 policy and the given certificate as default', () => {
    const { tf } = synth();
    const https = listener(tf, 443);
    expect(https.protocol).toBe('HTTPS');
    expect(https.ssl_policy).toBe('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09');
    expect(https.certificate_arn).toBe(CERT_ARN);
    expect(https.load_balancer_arn).toBe(ref(tf, 'aws_lb', 'Api/LoadBalancer', 'arn'));
    expect(all(tf, 'aws_lb_listener_certificate')).toEqual([]);
  });

  test('a stricter policy can be chosen', () => {
    const { tf } = synth({ sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' });
    expect(listener(tf, 443).ssl_policy).toBe('ELBSecurityPolicy-TLS13-1-3-2021-06');
  });

  test('a policy that allows TLS 1.0 is refused, naming path, option, value and limit', () => {
    expect(errorOf({ sslPolicy: 'ELBSecurityPolicy-TLS-1-0-2015-04' })).toBe(
      'Stack/Api: sslPolicy allows TLS 1.0 or 1.1; use a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 '
      + '(received: "ELBSecurityPolicy-TLS-1-0-2015-04")');
  });

  test('no certificate at all is refused, naming the Terraform option', () => {
    expect(errorOf({ certificateArns: [] })).toMatch(
      /^Stack\/Api: certificateArns must hold at least one certificate for the HTTPS listener \(or set managedCertificates\) \(received: \[\]\)$/);
  });

  test('the first certificate is the default, the rest are SNI certificates in order', () => {
    const { tf } = synth({ certificateArns: [CERT_ARN, CERT_ARN_2], managedCertificates: [{ domainName: 'api.example.com' }], hostedZoneId: ZONE_ID });
    const https = listener(tf, 443);
    expect(https.certificate_arn).toBe(CERT_ARN);
    const sni = all(tf, 'aws_lb_listener_certificate');
    const listenerArn = ref(tf, 'aws_lb_listener', 'Api/Listener443', 'arn');
    expect(sni).toEqual([
      { listener_arn: listenerArn, certificate_arn: CERT_ARN_2 },
      { listener_arn: listenerArn, certificate_arn: ref(tf, 'aws_acm_certificate_validation', 'Api/Certificate2Validation', 'certificate_arn') },
    ]);
  });

  test('managed certificates: ACM with DNS validation records per name and a validation the listener waits for', () => {
    const { tf } = synth({
      certificateArns: [],
      hostedZoneId: ZONE_ID,
      managedCertificates: [{ domainName: 'api.example.com', alternativeNames: ['www.example.com'] }, { domainName: 'ws.example.com' }],
    });
    const certs = all(tf, 'aws_acm_certificate');
    expect(certs).toEqual([
      { domain_name: 'api.example.com', subject_alternative_names: ['www.example.com'], validation_method: 'DNS', lifecycle: { create_before_destroy: true } },
      { domain_name: 'ws.example.com', validation_method: 'DNS', lifecycle: { create_before_destroy: true } },
    ]);
    const records = all(tf, 'aws_route53_record');
    expect(records).toHaveLength(2);
    const certAddress = `${addressOf(tf, 'aws_acm_certificate', 'Api/Certificate0')}.domain_validation_options`;
    expect(records[0]).toEqual({
      for_each: '${toset(["api.example.com", "www.example.com"])}',
      zone_id: ZONE_ID,
      name: `\${{ for key, val in toset(tolist(${certAddress})): val.domain_name => val }[each.value].resource_record_name}`,
      type: `\${{ for key, val in toset(tolist(${certAddress})): val.domain_name => val }[each.value].resource_record_type}`,
      records: [`\${{ for key, val in toset(tolist(${certAddress})): val.domain_name => val }[each.value].resource_record_value}`],
      ttl: 60,
      allow_overwrite: true,
    });
    expect(records[1].for_each).toBe('${toset(["ws.example.com"])}');
    const validations = all(tf, 'aws_acm_certificate_validation');
    const recordAddress = addressOf(tf, 'aws_route53_record', 'Api/Certificate0ValidationRecord');
    expect(validations[0]).toEqual({
      certificate_arn: ref(tf, 'aws_acm_certificate', 'Api/Certificate0', 'arn'),
      validation_record_fqdns: `\${[ for key, val in ${recordAddress}: val.fqdn]}`,
    });
    const https = listener(tf, 443);
    expect(https.certificate_arn).toBe(ref(tf, 'aws_acm_certificate_validation', 'Api/Certificate0Validation', 'certificate_arn'));
    expect(all(tf, 'aws_lb_listener_certificate')).toEqual([
      {
        listener_arn: ref(tf, 'aws_lb_listener', 'Api/Listener443', 'arn'),
        certificate_arn: ref(tf, 'aws_acm_certificate_validation', 'Api/Certificate1Validation', 'certificate_arn'),
      },
    ]);
  });

  test('managed certificates without a hosted zone are refused, naming hostedZoneId', () => {
    expect(errorOf({ managedCertificates: [{ domainName: 'api.example.com' }] })).toBe(
      'Stack/Api: managedCertificates need a hosted zone to validate them by DNS (set hostedZoneId) (received: ["api.example.com"])');
  });

  test('more than 26 certificates are refused', () => {
    const arns = Array.from({ length: 27 }, (_, i) => `${CERT_ARN}-${i}`);
    expect(errorOf({ certificateArns: arns })).toBe(
      'Stack/Api: certificateArns has 27; a listener takes one default plus at most 25 SNI certificates (received: 27)');
  });
});
