import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { all, CERT_ARN, CERT_ARN_2, errorOf, harness, synth, Template } from './fixtures';
import { WebApiLoadBalancer } from '../../src/aws-cdk';

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

function httpsListener(template: Template): Record<string, any> {
  return all(template, LISTENER).map((r) => r.Properties).find((p) => p.Port === 443)!;
}

describe('2. HTTPS listener, TLS policy and certificates', () => {
  test('HTTPS on 443 with the default TLS 1.3 policy and the given certificate as default', () => {
    const { template } = synth();
    const https = httpsListener(template);
    expect(https.Protocol).toBe('HTTPS');
    expect(https.SslPolicy).toBe('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09');
    expect(https.Certificates).toEqual([{ CertificateArn: CERT_ARN }]);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerCertificate', 0);
    template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
  });

  test('another TLS 1.2+ policy is taken as given', () => {
    const { template } = synth({ sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' });
    expect(httpsListener(template).SslPolicy).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
  });

  test('a TLS 1.0 policy is refused, naming path, option and value', () => {
    const message = errorOf({ sslPolicy: 'ELBSecurityPolicy-TLS-1-0-2015-04' });
    expect(message).toBe('Stack/Api: sslPolicy allows TLS 1.0 or 1.1; use a TLS 1.2+ policy such as '
      + 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 (received: "ELBSecurityPolicy-TLS-1-0-2015-04")');
  });

  test('managed certificates are created and validated by DNS in the hosted zone; first default, rest SNI in order', () => {
    const h = harness();
    const second = acm.Certificate.fromCertificateArn(h.stack, 'Cert2', CERT_ARN_2);
    new WebApiLoadBalancer(h.stack, 'Api', {
      vpc: h.vpc,
      hostedZone: h.zone,
      certificates: [h.certificate, second],
      managedCertificates: [
        { domainName: 'api.example.com', alternativeNames: ['www.example.com'] },
        { domainName: 'ws.example.com' },
      ],
      routes: [{ name: 'api', paths: ['/api/*'] }],
    });
    const template = Template.fromStack(h.stack);
    const certs = all(template, 'AWS::CertificateManager::Certificate').map((r) => r.Properties);
    expect(certs).toEqual([
      {
        DomainName: 'api.example.com',
        SubjectAlternativeNames: ['www.example.com'],
        ValidationMethod: 'DNS',
        DomainValidationOptions: [
          { DomainName: 'api.example.com', HostedZoneId: 'Z0123456789EXAMPLE' },
          { DomainName: 'www.example.com', HostedZoneId: 'Z0123456789EXAMPLE' },
        ],
      },
      {
        DomainName: 'ws.example.com',
        ValidationMethod: 'DNS',
        DomainValidationOptions: [{ DomainName: 'ws.example.com', HostedZoneId: 'Z0123456789EXAMPLE' }],
      },
    ]);
    expect(httpsListener(template).Certificates).toEqual([{ CertificateArn: CERT_ARN }]);
    const [apiId, wsId] = Object.keys(template.findResources('AWS::CertificateManager::Certificate'));
    const sni = all(template, 'AWS::ElasticLoadBalancingV2::ListenerCertificate').map((r) => r.Properties.Certificates);
    expect(sni).toEqual([
      [{ CertificateArn: CERT_ARN_2 }],
      [{ CertificateArn: { Ref: apiId } }],
      [{ CertificateArn: { Ref: wsId } }],
    ]);
  });

  test('managed certificates alone: the first is the default, the second SNI', () => {
    const h = harness();
    new WebApiLoadBalancer(h.stack, 'Api', {
      vpc: h.vpc,
      hostedZone: h.zone,
      managedCertificates: [{ domainName: 'api.example.com' }, { domainName: 'ws.example.com' }],
      routes: [{ name: 'api', paths: ['/api/*'] }],
    });
    const template = Template.fromStack(h.stack);
    const [apiId, wsId] = Object.keys(template.findResources('AWS::CertificateManager::Certificate'));
    expect(httpsListener(template).Certificates).toEqual([{ CertificateArn: { Ref: apiId } }]);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerCertificate', { Certificates: [{ CertificateArn: { Ref: wsId } }] });
  });

  test('no certificate at all is refused', () => {
    expect(errorOf({ certificates: [] })).toContain('Stack/Api: certificates must hold at least one certificate');
  });

  test('managed certificates without a hosted zone are refused', () => {
    expect(errorOf({ hostedZone: undefined, managedCertificates: [{ domainName: 'api.example.com' }] }))
      .toBe('Stack/Api: managedCertificates need a hosted zone to validate them by DNS (set hostedZone) (received: ["api.example.com"])');
  });
});
