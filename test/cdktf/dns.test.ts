import { all, errorOf, ref, synth, ZONE_ID } from './fixtures';

describe('12. Route 53 alias records (Terraform)', () => {
  test('one A alias per name, evaluating target health, pointing at the load balancer', () => {
    const { tf } = synth({ hostedZoneId: ZONE_ID, aliasRecordNames: ['api.example.com', 'www.example.com'] });
    const alias = { name: ref(tf, 'aws_lb', 'Api/LoadBalancer', 'dns_name'), zone_id: ref(tf, 'aws_lb', 'Api/LoadBalancer', 'zone_id'), evaluate_target_health: true };
    expect(all(tf, 'aws_route53_record')).toEqual([
      { zone_id: ZONE_ID, name: 'api.example.com', type: 'A', alias },
      { zone_id: ZONE_ID, name: 'www.example.com', type: 'A', alias },
    ]);
  });

  test('dual stack adds AAAA records', () => {
    const { tf } = synth({ hostedZoneId: ZONE_ID, aliasRecordNames: ['api.example.com'], dualStack: true });
    expect(all(tf, 'aws_route53_record').map((r) => [r.name, r.type])).toEqual([['api.example.com', 'A'], ['api.example.com', 'AAAA']]);
  });

  test('no names, no records', () => {
    expect(all(synth({ hostedZoneId: ZONE_ID }).tf, 'aws_route53_record')).toEqual([]);
  });

  test('names without a hosted zone are refused, naming hostedZoneId', () => {
    expect(errorOf({ aliasRecordNames: ['api.example.com'] })).toBe(
      'Stack/Api: aliasRecordNames need a hosted zone (set hostedZoneId) (received: ["api.example.com"])');
  });
});
