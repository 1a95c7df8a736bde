import { all, errorOf, expectedAliasRecords, synth } from './fixtures';

describe('6d. optional Route 53 alias records', () => {
  test('an A record per name points at the load balancer and evaluates its health', () => {
    const { template } = synth({ aliasRecordNames: ['play.example.com', 'db.example.com'] });
    expect(all(template, 'AWS::Route53::RecordSet').map((r) => r.Properties)).toEqual(expectedAliasRecords(template, ['db.example.com', 'play.example.com']));
  });

  test('dual stack adds AAAA records; none by default', () => {
    expect(all(synth({ aliasRecordNames: ['play.example.com'], dualStack: true }).template, 'AWS::Route53::RecordSet').map((r) => r.Properties.Type))
      .toEqual(['A', 'AAAA']);
    synth().template.resourceCountIs('AWS::Route53::RecordSet', 0);
  });

  test('alias records or managed certificates without a hosted zone are refused', () => {
    expect(errorOf({ hostedZone: undefined, aliasRecordNames: ['play.example.com'] })).toBe(
      'Stack/Game: aliasRecordNames need a hosted zone (set hostedZone) (received: ["play.example.com"])');
    expect(errorOf({ hostedZone: undefined, managedCertificates: [{ domainName: 'mqtt.example.com' }] })).toBe(
      'Stack/Game: managedCertificates need a hosted zone to validate them by DNS (set hostedZone) (received: ["mqtt.example.com"])');
  });
});
