import { all, errorOf, ref, synth, ZONE_ID } from './fixtures';
import { ListenerProtocol as P } from '../../../src/core';

describe('6d. managed certificates and Route 53 alias records (Terraform)', () => {
  test('one alias A record per name (and AAAA with dual stack), evaluating target health', () => {
    const { tf } = synth({ hostedZoneId: ZONE_ID, aliasRecordNames: ['play.example.com'], dualStack: true });
    const alias = { name: ref(tf, 'aws_lb', 'Nlb/LoadBalancer', 'dns_name'), zone_id: ref(tf, 'aws_lb', 'Nlb/LoadBalancer', 'zone_id'), evaluate_target_health: true };
    expect(all(tf, 'aws_route53_record')).toEqual([
      { zone_id: ZONE_ID, name: 'play.example.com', type: 'A', alias },
      { zone_id: ZONE_ID, name: 'play.example.com', type: 'AAAA', alias },
    ]);
  });

  test('a managed certificate is validated by DNS and becomes the TLS listener\'s certificate once issued', () => {
    const { tf } = synth({
      hostedZoneId: ZONE_ID,
      managedCertificates: [{ domainName: 'mqtt.example.com' }],
      listeners: [{ name: 'mqtt', port: 8883, protocol: P.TLS }],
    });
    expect(all(tf, 'aws_acm_certificate')).toEqual([{ domain_name: 'mqtt.example.com', validation_method: 'DNS', lifecycle: { create_before_destroy: true } }]);
    expect(all(tf, 'aws_lb_listener')[0].certificate_arn).toBe(ref(tf, 'aws_acm_certificate_validation', 'Nlb/Certificate0Validation', 'certificate_arn'));
  });

  test('aliases and managed certificates need a hosted zone; certificates need a TLS listener', () => {
    expect(errorOf({ aliasRecordNames: ['play.example.com'] })).toBe(
      'Stack/Nlb: aliasRecordNames need a hosted zone (set hostedZoneId) (received: ["play.example.com"])');
    expect(errorOf({ certificateArns: ['arn:aws:acm:eu-west-1:111111111111:certificate/x'] })).toBe(
      'Stack/Nlb: certificateArns are set but no listener terminates TLS; remove them or add a TLS listener (received: 1)');
  });
});
