import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { dnsConfig, dnsTemplate } from './dns-fixtures';
import { LbkitConfigError, readDnsCloudFormation, readDnsTerraform, readSynthesizedFile } from '../../src/readers';

/** The LbkitConfigError thrown by fn, one line (fails otherwise). */
function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LbkitConfigError);
    const message = (e as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error('expected an LbkitConfigError');
}

const cfn = (edit: (r: Record<string, any>) => void) => {
  const t = dnsTemplate();
  edit(t.Resources);
  return configError(() => readDnsCloudFormation(t));
};
const tf = (edit: (r: Record<string, any>) => void) => {
  const c = dnsConfig();
  edit(c.resource);
  return configError(() => readDnsTerraform(c));
};

describe('DNS routing lbkit cannot read: one-line errors naming the resource', () => {
  test('a record referencing a missing health check (CloudFormation)', () => {
    expect(cfn((r) => { r.EuA.Properties.HealthCheckId = { Ref: 'HcGone' }; }))
      .toBe('CloudFormation template: record EuA (api.example.com A) references health check {"Ref":"HcGone"}, which is not a Route 53 health check of this template');
  });

  test('a record referencing a missing health check (Terraform)', () => {
    expect(tf((r) => { r.aws_route53_record.eu_a.health_check_id = '${aws_route53_health_check.gone.id}'; }))
      .toBe('Terraform configuration: record aws_route53_record.eu_a (api.example.com A) references health check "${aws_route53_health_check.gone.id}", which is not a Route 53 health check of this configuration');
  });

  test('a record referencing a health check by a literal id (one outside the output)', () => {
    expect(cfn((r) => { r.GreenA.Properties.HealthCheckId = 'abcdef01-2345-6789-abcd-ef0123456789'; }))
      .toMatch(/record GreenA \(www\.example\.com A\) references health check "abcdef01-.*", which is not a Route 53 health check of this template$/);
  });

  test('a record referencing another resource as its health check', () => {
    expect(cfn((r) => { r.EuA.Properties.HealthCheckId = { Ref: 'HcEuAlarm' }; })).toMatch(/record EuA .* references health check \{"Ref":"HcEuAlarm"\}, which is not/);
  });

  test('geolocation routing (CloudFormation)', () => {
    expect(cfn((r) => { delete r.EuA.Properties.Failover; r.EuA.Properties.GeoLocation = { ContinentCode: 'EU' }; }))
      .toBe('CloudFormation template: record EuA (api.example.com A) uses geolocation routing; lbkit reads failover, latency and weighted records');
  });

  test('geolocation routing (Terraform)', () => {
    expect(tf((r) => { delete r.aws_route53_record.eu_a.failover_routing_policy; r.aws_route53_record.eu_a.geolocation_routing_policy = { continent: 'EU' }; }))
      .toBe('Terraform configuration: record aws_route53_record.eu_a (api.example.com A) uses geolocation routing; lbkit reads failover, latency and weighted records');
  });

  test.each([
    ['geoproximity', { GeoProximityLocation: { AWSRegion: 'eu-west-1' } }],
    ['IP-based (CIDR)', { CidrRoutingConfig: { CollectionId: 'c', LocationName: 'l' } }],
    ['multivalue answer', { MultiValueAnswer: true }],
  ])('%s routing', (what, props) => {
    expect(cfn((r) => { delete r.GreenA.Properties.Weight; Object.assign(r.GreenA.Properties, props); }))
      .toBe(`CloudFormation template: record GreenA (www.example.com A) uses ${what} routing; lbkit reads failover, latency and weighted records`);
  });

  test('Terraform multivalue answer routing', () => {
    expect(tf((r) => {
      delete r.aws_route53_record.green_a.weighted_routing_policy;
      r.aws_route53_record.green_a.multivalue_answer_routing_policy = true;
    }))
      .toMatch(/record aws_route53_record\.green_a \(www\.example\.com A\) uses multivalue answer routing/);
  });

  test('a set identifier without a routing policy', () => {
    expect(cfn((r) => { delete r.GreenA.Properties.Weight; }))
      .toBe('CloudFormation template: record GreenA (www.example.com A) has a set identifier but no routing policy; lbkit reads failover, latency and weighted records');
  });

  test('a routing policy without a set identifier', () => {
    expect(cfn((r) => { delete r.GreenA.Properties.SetIdentifier; }))
      .toBe('CloudFormation template: record GreenA (www.example.com A) has weighted routing but no set identifier (Route 53 requires one)');
  });

  test('one record with two routing policies', () => {
    expect(cfn((r) => { r.GreenA.Properties.Failover = 'PRIMARY'; }))
      .toBe('CloudFormation template: record GreenA (www.example.com A) combines failover and weighted routing; Route 53 takes one policy per record');
  });

  test('one name under two routing policies', () => {
    expect(cfn((r) => { delete r.GreenA.Properties.Weight; r.GreenA.Properties.Region = 'eu-west-1'; }))
      .toBe('CloudFormation template: record name www.example.com mixes weighted (BlueA) and latency (GreenA) routing; Route 53 takes one routing policy per name');
  });

  test('a routed CNAME', () => {
    expect(tf((r) => { r.aws_route53_record.green_a.type = 'CNAME'; r.aws_route53_record.green_a.records = ['x.example.net']; }))
      .toBe('Terraform configuration: record aws_route53_record.green_a (www.example.com CNAME) is a routed CNAME record; lbkit reads A and AAAA records under failover, latency or weighted routing');
  });

  test('a failover value other than PRIMARY or SECONDARY', () => {
    expect(cfn((r) => { r.EuA.Properties.Failover = 'TERTIARY'; })).toBe('CloudFormation template: record EuA (api.example.com A) has failover "TERTIARY"; expected PRIMARY or SECONDARY');
  });

  test('an alias with a TTL', () => {
    expect(cfn((r) => { r.EuA.Properties.TTL = 60; })).toMatch(/record EuA \(api\.example\.com A\) has both an alias target and values or a TTL/);
  });

  test('values without a TTL', () => {
    expect(tf((r) => { delete r.aws_route53_record.green_a.ttl; })).toMatch(/record aws_route53_record\.green_a \(www\.example\.com A\) has values but no TTL/);
  });

  test('neither alias nor values', () => {
    expect(cfn((r) => { delete r.GreenA.Properties.ResourceRecords; delete r.GreenA.Properties.TTL; })).toMatch(/record GreenA .* has neither an alias target nor values$/);
  });

  test('two records with one set identifier and type', () => {
    expect(cfn((r) => { r.GreenA.Properties.SetIdentifier = 'blue'; }))
      .toMatch(/record GreenA \(www\.example\.com A\) repeats set identifier "blue" of record BlueA/);
  });

  test('a calculated health check referenced by a record', () => {
    expect(cfn((r) => { r.GreenA.Properties.HealthCheckId = { Ref: 'HcOrphan' }; }))
      .toBe('CloudFormation template: health check HcOrphan has type "CALCULATED"; lbkit reads HTTPS, HTTP, HTTPS_STR_MATCH, HTTP_STR_MATCH, TCP health checks');
  });

  test('inverted and disabled health checks', () => {
    expect(cfn((r) => { r.HcEu.Properties.HealthCheckConfig.Inverted = true; })).toMatch(/health check HcEu is inverted/);
    expect(tf((r) => { r.aws_route53_health_check.eu.disabled = true; })).toMatch(/health check aws_route53_health_check\.eu is disabled/);
  });

  test('a TCP health check without a port, or with a path', () => {
    expect(cfn((r) => { delete r.HcBlue.Properties.HealthCheckConfig.Port; })).toBe('CloudFormation template: health check HcBlue is a TCP health check without a port');
    expect(tf((r) => { r.aws_route53_health_check.blue.resource_path = '/health'; }))
      .toBe('Terraform configuration: health check aws_route53_health_check.blue is a TCP health check with a resource path "/health" (AWS refuses it)');
  });

  test('a string-match type without a search string, a search string without one', () => {
    expect(cfn((r) => { delete r.HcUs.Properties.HealthCheckConfig.SearchString; })).toMatch(/health check HcUs has type HTTPS_STR_MATCH but no search string$/);
    expect(cfn((r) => { r.HcEu.Properties.HealthCheckConfig.SearchString = 'ok'; })).toMatch(/health check HcEu has a search string but type HTTPS/);
  });

  test('a health check with nothing to probe', () => {
    expect(cfn((r) => { delete r.HcEu.Properties.HealthCheckConfig.FullyQualifiedDomainName; })).toMatch(/health check HcEu names neither a domain name nor an IP address to probe$/);
  });

  test('a non-numeric weight', () => {
    expect(cfn((r) => { r.GreenA.Properties.Weight = 'heavy'; })).toBe('CloudFormation template: record GreenA Weight: expected a number, got "heavy"');
  });

  test('readSynthesizedFile prefixes the file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lbkit-dns-')), 'global.template.json');
    const t = dnsTemplate();
    t.Resources.EuA.Properties.GeoLocation = { ContinentCode: 'EU' };
    writeFileSync(path, JSON.stringify(t));
    expect(configError(() => readSynthesizedFile(path))).toBe(`${path}: CloudFormation template: record EuA (api.example.com A) uses geolocation routing; lbkit reads failover, latency and weighted records`);
  });
});
