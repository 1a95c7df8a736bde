import * as fc from 'fast-check';
import { seeded } from './support';
import { Candidate, considered } from '../../../src/proxy/dns/candidate';
import { chooseFailover, FailoverRecord } from '../../../src/proxy/dns/choose-failover';
import { chooseLatency, LatencyRecord } from '../../../src/proxy/dns/choose-latency';
import { chooseWeighted, WeightedRecord } from '../../../src/proxy/dns/choose-weighted';
import { greatCircleKm, REGION_LOCATIONS, regionDistanceKm } from '../../../src/proxy/dns/region-locations';

/** The routing policies as pure functions (Route 53 developer guide, "How Amazon Route 53 chooses records when health checking is configured"). */

/** Fixed, so a property failure reproduces. */
const SEED = 20_251_201;

const c = <R>(record: R, healthy: boolean): Candidate<R & { id: string }> => ({ record: record as R & { id: string }, healthy });

describe('failover', () => {
  const group = (primaryHealthy: boolean, secondaryHealthy: boolean) => [
    c<FailoverRecord & { id: string }>({ id: 'p', failover: 'PRIMARY' }, primaryHealthy),
    c<FailoverRecord & { id: string }>({ id: 's', failover: 'SECONDARY' }, secondaryHealthy),
  ];
  test.each([
    [true, true, 'p'], [true, false, 'p'], [false, true, 's'], [false, false, 'p'],
  ])('primary healthy %s, secondary healthy %s → %s', (p, s, expected) => {
    expect(chooseFailover(group(p, s))?.record.id).toBe(expected);
  });

  test('a group with only one role answers with it; an empty group with nothing', () => {
    expect(chooseFailover([c({ id: 's', failover: 'SECONDARY' as const }, false)])?.record.id).toBe('s');
    expect(chooseFailover([c({ id: 'p', failover: 'PRIMARY' as const }, false)])?.record.id).toBe('p');
    expect(chooseFailover([])).toBeUndefined();
  });

  test('property: never an unhealthy record while a healthy one exists; the primary whenever it is healthy', () => {
    const record = fc.record({ failover: fc.constantFrom<FailoverRecord['failover']>('PRIMARY', 'SECONDARY'), healthy: fc.boolean() });
    fc.assert(fc.property(fc.uniqueArray(record, { minLength: 1, maxLength: 2, selector: (r) => r.failover }), (rs) => {
      const candidates = rs.map((r) => ({ record: { failover: r.failover }, healthy: r.healthy }));
      const chosen = chooseFailover(candidates)!;
      if (candidates.some((x) => x.healthy)) expect(chosen.healthy).toBe(true);
      const primary = candidates.find((x) => x.record.failover === 'PRIMARY');
      if (primary?.healthy) expect(chosen).toBe(primary);
    }), { seed: SEED });
  });
});

describe('weighted', () => {
  const draws = (candidates: Candidate<WeightedRecord & { id: string }>[], n: number, seed = 1) => {
    const random = seeded(seed);
    const counts: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const id = chooseWeighted(candidates, random)!.record.id;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts;
  };

  test('by weight among healthy non-zero records; zero weights only when no non-zero one is healthy; all zero → equal', () => {
    const counts = draws([c({ id: 'a', weight: 1 }, true), c({ id: 'b', weight: 3 }, true), c({ id: 'z', weight: 0 }, true)], 20_000);
    expect(counts.z).toBeUndefined();
    expect(counts.b / 20_000).toBeCloseTo(0.75, 1);
    expect(draws([c({ id: 'a', weight: 1 }, false), c({ id: 'z', weight: 0 }, true), c({ id: 'y', weight: 0 }, true)], 2000))
      .toEqual({ z: expect.any(Number), y: expect.any(Number) });
    const equal = draws([c({ id: 'a', weight: 0 }, true), c({ id: 'b', weight: 0 }, true)], 10_000);
    expect(equal.a / 10_000).toBeCloseTo(0.5, 1);
  });

  test('all unhealthy → as if all were healthy (by weight, zero weights still last)', () => {
    const counts = draws([c({ id: 'a', weight: 1 }, false), c({ id: 'b', weight: 1 }, false), c({ id: 'z', weight: 0 }, false)], 10_000);
    expect(counts.z).toBeUndefined();
    expect(counts.a / 10_000).toBeCloseTo(0.5, 1);
  });

  test('property: over many draws each healthy record\'s share is within 4 points of weight / total; never an unhealthy one while a healthy one exists', () => {
    const record = fc.record({ weight: fc.integer({ min: 0, max: 255 }), healthy: fc.boolean() });
    fc.assert(fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), fc.integer(), (rs, seed) => {
      const candidates = rs.map((r, i) => c({ id: String(i), weight: r.weight }, r.healthy));
      const n = 4000;
      const counts = draws(candidates, n, seed);
      const pool = considered(candidates);
      const weighted = pool.filter((x) => x.record.weight! > 0);
      const total = weighted.reduce((s, x) => s + x.record.weight!, 0);
      for (const x of candidates) {
        const share = (counts[x.record.id] ?? 0) / n;
        const expected = !pool.includes(x) ? 0 : weighted.length > 0 ? x.record.weight! / total : 1 / pool.length;
        expect(Math.abs(share - expected)).toBeLessThan(0.04);
      }
    }), { seed: SEED, numRuns: 60 });
  });
});

describe('latency', () => {
  const us = c({ id: 'us', region: 'us-east-1' }, true);
  const eu = c({ id: 'eu', region: 'eu-west-1' }, true);
  const ap = c({ id: 'ap', region: 'ap-southeast-2' }, true);

  test('the client\'s region; else the nearest healthy one; all unhealthy → as if all were healthy', () => {
    expect(chooseLatency([us, eu, ap], 'eu-west-1', regionDistanceKm)?.record.id).toBe('eu');
    expect(chooseLatency([us, eu, ap], 'eu-west-2', regionDistanceKm)?.record.id).toBe('eu'); // London → Dublin
    expect(chooseLatency([us, { ...eu, healthy: false }, ap], 'eu-west-1', regionDistanceKm)?.record.id).toBe('us'); // Dublin → Virginia before Sydney
    expect(chooseLatency([us, eu, ap], 'ap-southeast-4', regionDistanceKm)?.record.id).toBe('ap'); // Melbourne → Sydney
    expect(chooseLatency([{ ...us, healthy: false }, { ...eu, healthy: false }], 'eu-west-1', regionDistanceKm)?.record.id).toBe('eu');
  });

  test('a client region the table does not know: its own region if a record has it, else the first record', () => {
    expect(chooseLatency([us, eu], 'xx-moon-1', regionDistanceKm)?.record.id).toBe('us');
    expect(chooseLatency([us, c({ id: 'moon', region: 'xx-moon-1' }, true)], 'xx-moon-1', regionDistanceKm)?.record.id).toBe('moon');
  });

  test('great-circle distances: Dublin–Virginia about 5,470 km, every table entry a valid coordinate', () => {
    expect(greatCircleKm(REGION_LOCATIONS['eu-west-1'], REGION_LOCATIONS['us-east-1'])).toBeGreaterThan(5300);
    expect(greatCircleKm(REGION_LOCATIONS['eu-west-1'], REGION_LOCATIONS['us-east-1'])).toBeLessThan(5600);
    for (const [lat, lon] of Object.values(REGION_LOCATIONS)) {
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    }
  });

  test('property: the answer is healthy when any record is, and no healthy record is nearer', () => {
    const regions = Object.keys(REGION_LOCATIONS);
    const record = fc.record({ region: fc.constantFrom(...regions), healthy: fc.boolean() });
    const records = fc.uniqueArray(record, { minLength: 1, maxLength: 6, selector: (r) => r.region });
    fc.assert(fc.property(records, fc.constantFrom(...regions), (rs, client) => {
      const candidates: Candidate<LatencyRecord>[] = rs.map((r) => ({ record: { region: r.region }, healthy: r.healthy }));
      const chosen = chooseLatency(candidates, client, regionDistanceKm)!;
      const pool = considered(candidates);
      expect(pool).toContain(chosen);
      for (const x of pool) expect(regionDistanceKm(client, chosen.record.region!)).toBeLessThanOrEqual(regionDistanceKm(client, x.record.region!));
    }), { seed: SEED });
  });
});
