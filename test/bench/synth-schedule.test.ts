import { cells, interleavedSchedule, seededRandom } from '../../bench/support/synth-schedule';

const ALL = cells(['a', 'b', 'c', 'd'], [1, 10, 50]);
const keys = (round: { variantId: string; routeCount: number }[]) => round.map((c) => `${c.variantId}@${c.routeCount}`);

describe('interleaved schedule', () => {
  test('cells are every variant at every route count', () => {
    expect(ALL).toHaveLength(12);
    expect(new Set(keys(ALL)).size).toBe(12);
  });

  test('every round runs each cell exactly once', () => {
    const schedule = interleavedSchedule(ALL, 7, 42);
    expect(schedule).toHaveLength(7);
    for (const round of schedule) expect(keys(round).sort()).toEqual(keys(ALL).sort());
  });

  test('rounds come in different orders, so no variant always runs first or last', () => {
    const schedule = interleavedSchedule(ALL, 20, 42);
    expect(new Set(schedule.map((r) => keys(r).join())).size).toBeGreaterThan(15);
    const firsts = new Set(schedule.map((r) => r[0].variantId));
    const lasts = new Set(schedule.map((r) => r[r.length - 1].variantId));
    expect(firsts.size).toBeGreaterThan(1);
    expect(lasts.size).toBeGreaterThan(1);
  });

  test('the same seed gives the same schedule, another seed another', () => {
    expect(interleavedSchedule(ALL, 3, 7)).toEqual(interleavedSchedule(ALL, 3, 7));
    expect(interleavedSchedule(ALL, 3, 7)).not.toEqual(interleavedSchedule(ALL, 3, 8));
  });

  test('zero rounds is an empty schedule; a negative or fractional count is refused', () => {
    expect(interleavedSchedule(ALL, 0, 1)).toEqual([]);
    expect(() => interleavedSchedule(ALL, -1, 1)).toThrow(/whole number/);
    expect(() => interleavedSchedule(ALL, 1.5, 1)).toThrow(/whole number/);
  });
});

describe('seeded random', () => {
  test('stays in [0, 1) and spreads over it', () => {
    const random = seededRandom(123);
    const xs = Array.from({ length: 2000 }, random);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
