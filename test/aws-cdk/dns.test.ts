import { all, errorOf, expectedAliasRecords, synth } from './fixtures';

describe('12. Route 53 alias records', () => {
  test('A records per name point at the load balancer and evaluate its health', () => {
    const { template } = synth({ aliasRecordNames: ['api.example.com', 'www.example.com'] });
    expect(all(template, 'AWS::Route53::RecordSet').map((r) => r.Properties)).toEqual(expectedAliasRecords(template, ['api.example.com', 'www.example.com']));
  });

  test('dual stack adds AAAA records', () => {
    const { template } = synth({ aliasRecordNames: ['api.example.com'], dualStack: true });
    expect(all(template, 'AWS::Route53::RecordSet').map((r) => r.Properties.Type)).toEqual(['A', 'AAAA']);
  });

  test('alias records without a hosted zone are refused', () => {
    expect(errorOf({ hostedZone: undefined, aliasRecordNames: ['api.example.com'] })).toBe(
      'Stack/Api: aliasRecordNames need a hosted zone (set hostedZone) (received: ["api.example.com"])');
  });
});
