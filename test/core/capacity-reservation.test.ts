import { FACTS } from './fixtures';
import { ListenerProtocol, TlsMode } from '../../src/core';
import { TcpServiceLoadBalancerOptions } from '../../src/core/options/tcp-service-options';
import { WebApiLoadBalancerOptions } from '../../src/core/options/web-api-options';
import { planTcpService } from '../../src/core/plan/tcp-service-plan';
import { planWebApi } from '../../src/core/plan/web-api-plan';

const alb = (o: Partial<WebApiLoadBalancerOptions>) => planWebApi({ routes: [{ name: 'api', paths: ['/api/*'] }], ...o }, FACTS);
const nlbFacts = { ...FACTS, name: 'Game', path: 'Stack/Game', importedCertificateArns: [] as string[] };
const db = { name: 'db', port: 5432, protocol: ListenerProtocol.TCP };
const nlb = (o: Partial<TcpServiceLoadBalancerOptions>, facts = nlbFacts) => planTcpService({ listeners: [db], ...o }, facts);

describe('minimumCapacityUnits (LCU reservation)', () => {
  test('not set: no reservation on either kind (AWS\'s default)', () => {
    expect(alb({}).model.minimumCapacityUnits).toBeUndefined();
    expect('minimumCapacityUnits' in alb({}).model).toBe(false);
    expect('minimumCapacityUnits' in nlb({}).model).toBe(false);
  });

  test('ALB: AWS\'s floor of 100 and any whole number above (the quota is adjustable)', () => {
    expect(alb({ minimumCapacityUnits: 100 }).model.minimumCapacityUnits).toBe(100);
    expect(alb({ minimumCapacityUnits: 50_000 }).model.minimumCapacityUnits).toBe(50_000);
  });

  test('NLB: 2,750 per zone, so 5,500 over two zones and 8,250 over three', () => {
    expect(nlb({ minimumCapacityUnits: 5500 }).model.minimumCapacityUnits).toBe(5500);
    const three = { ...nlbFacts, availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] };
    expect(nlb({ minimumCapacityUnits: 8250 }, three).model.minimumCapacityUnits).toBe(8250);
    expect(() => nlb({ minimumCapacityUnits: 8249 }, three)).toThrow(
      'Stack/Game: minimumCapacityUnits must be at least 8250 LCU: a Network Load Balancer spreads it over its 3 availability zones and each takes at least 2750 (received: 8249)');
    // Terraform knows subnets, not zones: one zone per subnet.
    const { availabilityZones: _zones, ...byCount } = nlbFacts;
    expect(() => nlb({ minimumCapacityUnits: 10_000 }, { ...byCount, subnetCount: 4 })).toThrow('must be at least 11000 LCU');
  });

  test('NLB: TLS passthrough is a TCP listener, so it may reserve', () => {
    const passthrough = { name: 'mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH };
    expect(nlb({ listeners: [passthrough], minimumCapacityUnits: 6000 }).model.minimumCapacityUnits).toBe(6000);
  });

  const cases: [string, () => unknown, string][] = [
    ['an ALB below 100', () => alb({ minimumCapacityUnits: 99 }),
      'Stack/Api: minimumCapacityUnits must be at least 100 LCU on an Application Load Balancer (received: 99)'],
    ['a fraction', () => alb({ minimumCapacityUnits: 150.5 }),
      'Stack/Api: minimumCapacityUnits must be a positive whole number of Load balancer Capacity Units (received: 150.5)'],
    ['zero', () => nlb({ minimumCapacityUnits: 0 }),
      'Stack/Game: minimumCapacityUnits must be a positive whole number of Load balancer Capacity Units (received: 0)'],
    ['an NLB below 2,750 per zone', () => nlb({ minimumCapacityUnits: 5499 }),
      'Stack/Game: minimumCapacityUnits must be at least 5500 LCU: a Network Load Balancer spreads it over its 2 availability zones and each takes at least 2750 (received: 5499)'],
    ['an NLB with a TLS listener', () => nlb({ listeners: [{ name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS }], minimumCapacityUnits: 6000 },
      { ...nlbFacts, importedCertificateArns: ['arn:x'] }),
    'Stack/Game: minimumCapacityUnits cannot be set on a Network Load Balancer with TLS listeners (AWS offers no LCU reservation there; tlsMode PASSTHROUGH makes a TCP listener) (received: 6000)'],
  ];
  test.each(cases)('refused: %s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});
