import { App, Stack } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { all, EU_DNS, EU_ZONE, healthCheckOf, PRIMARY, RECORD, recordsOf, SECONDARY, synth, Template } from './fixtures';
import { GlobalFailover } from '../../../src/aws-cdk';
import { FailoverRole, RoutingPolicy } from '../../../src/core';

describe('4. records: alias A/AAAA to the load balancers, TTL records over addresses, the hosted zone by id or looked up', () => {
  test('an alias A record: the global name, the set identifier, target health evaluated, the health check attached', () => {
    const { template } = synth();
    expect(recordsOf(template, 'eu')).toEqual([{
      HostedZoneId: 'Z0123456789EXAMPLE',
      Name: 'api.example.com.',
      Type: 'A',
      SetIdentifier: 'eu',
      Failover: 'PRIMARY',
      HealthCheckId: { Ref: healthCheckOf(template, 'eu').id },
      AliasTarget: { DNSName: EU_DNS, HostedZoneId: EU_ZONE, EvaluateTargetHealth: true },
    }]);
  });

  test('ipv6: an AAAA alias beside each A, same target and health check', () => {
    const { template } = synth({ ipv6: true });
    const [a, aaaa] = recordsOf(template, 'eu');
    expect([a.Type, aaaa.Type]).toEqual(['A', 'AAAA']);
    expect(aaaa).toEqual({ ...a, Type: 'AAAA' });
    expect(all(template, RECORD)).toHaveLength(4);
  });

  test('records over addresses have no alias and the TTL (60 s by default, or ttlSeconds)', () => {
    const addresses = { endpoints: [{ name: 'dc1', role: FailoverRole.PRIMARY, ipv4Addresses: ['192.0.2.10'] }, SECONDARY] };
    expect(recordsOf(synth(addresses).template, 'dc1')[0]).toMatchObject({ Type: 'A', ResourceRecords: ['192.0.2.10'], TTL: '60' });
    const short = recordsOf(synth({ ...addresses, ttlSeconds: 30 }).template, 'dc1')[0];
    expect(short).toMatchObject({ ResourceRecords: ['192.0.2.10'], TTL: '30' });
    expect(short.AliasTarget).toBeUndefined();
    // Alias records have no TTL whatever ttlSeconds says.
    expect(recordsOf(synth({ ...addresses, ttlSeconds: 30 }).template, 'us')[0].TTL).toBeUndefined();
  });

  test('a record name given fully qualified keeps one trailing dot', () => {
    const { template } = synth({ recordName: 'api.example.com.' });
    expect(all(template, RECORD).map((r) => r.Properties.Name)).toEqual(['api.example.com.', 'api.example.com.']);
  });

  test('the record may be the apex or any name under the zone, in any case; a zone imported by id alone is not checked', () => {
    expect(all(synth({ recordName: 'example.com' }).template, RECORD)[0].Properties.Name).toBe('example.com.');
    expect(all(synth({ recordName: 'EU.API.Example.COM' }).template, RECORD)[0].Properties.Name).toBe('EU.API.Example.COM.');
    const byId = synth((h) => ({ recordName: 'api.example.org', hostedZone: route53.HostedZone.fromHostedZoneId(h.stack, 'ById', 'Z0OTHERZONE') }));
    expect(all(byId.template, RECORD)).toHaveLength(2);
  });

  test('the hosted zone by id', () => {
    const { template } = synth((h) => ({ hostedZone: route53.HostedZone.fromHostedZoneId(h.stack, 'ById', 'Z0OTHERZONE') }));
    expect(all(template, RECORD).map((r) => r.Properties.HostedZoneId)).toEqual(['Z0OTHERZONE', 'Z0OTHERZONE']);
  });

  test('the hosted zone looked up by the user (HostedZone.fromLookup, answered from cdk.context.json)', () => {
    const app = new App({
      context: {
        'hosted-zone:account=111111111111:domainName=example.com:region=us-east-1': { Id: '/hostedzone/Z0LOOKEDUP00001', Name: 'example.com.' },
      },
    });
    const stack = new Stack(app, 'Stack', { env: { account: '111111111111', region: 'us-east-1' } });
    new GlobalFailover(stack, 'Global', {
      hostedZone: route53.HostedZone.fromLookup(stack, 'Zone', { domainName: 'example.com' }),
      recordName: 'api.example.com',
      routingPolicy: RoutingPolicy.FAILOVER,
      endpoints: [PRIMARY, SECONDARY],
    });
    expect(Template.fromStack(stack).findResources(RECORD, { Properties: { HostedZoneId: 'Z0LOOKEDUP00001' } })).not.toEqual({});
    expect(Object.keys(Template.fromStack(stack).findResources(RECORD))).toHaveLength(2);
  });

  test('deterministic and stable: logical ids come from endpoint names (renaming nothing replaces nothing), whatever the endpoint order', () => {
    const one = synth().template.toJSON();
    const swapped = synth({ endpoints: [SECONDARY, PRIMARY] }).template.toJSON();
    expect(JSON.stringify(swapped)).toBe(JSON.stringify(one));
    expect(Object.keys(one.Resources)).toEqual([
      'GlobalHealthCheckeu01E1916A', 'GlobalHealthCheckAlarmeu310EEFD2', 'GlobalHealthCheckus2069650B', 'GlobalHealthCheckAlarmusD36B87E3',
      'GlobalRecordeuA20995BD3', 'GlobalRecordusA22C151CB',
    ]);
  });
});
