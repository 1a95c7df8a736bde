import { growth, quantile, summarize } from '../../bench/support/synth-stats';

describe('quantile', () => {
  test('interpolates between neighbours', () => {
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([10, 20, 30, 40], 0.25)).toBeCloseTo(17.5);
    expect(quantile([10, 20, 30, 40], 0)).toBe(10);
    expect(quantile([10, 20, 30, 40], 1)).toBe(40);
    expect(quantile([7], 0.75)).toBe(7);
  });

  test('refuses no samples and out-of-range quantiles', () => {
    expect(() => quantile([], 0.5)).toThrow(/no samples/);
    expect(() => quantile([1], 1.5)).toThrow(/from 0 to 1/);
  });
});

describe('summarize', () => {
  test('orders the samples itself and reports median, extremes, quartiles and relative spread', () => {
    const s = summarize([30, 10, 50, 20, 40]);
    expect(s).toEqual({ runs: 5, median: 30, min: 10, max: 50, p25: 20, p75: 40, relativeIqr: 20 / 30 });
  });

  test('one slow outlier moves the median little', () => {
    expect(summarize([10, 10, 11, 11, 500]).median).toBe(11);
  });
});

describe('growth', () => {
  test('a straight line is found exactly', () => {
    const g = growth([{ routes: 1, ms: 22 }, { routes: 10, ms: 40 }, { routes: 50, ms: 120 }]);
    expect(g.msPerRoute).toBeCloseTo(2);
    expect(g.fixedMs).toBeCloseTo(20);
  });

  test('noisy points give the least-squares slope', () => {
    // y = 3x + 5 with +1, -1, 0 around it: the fit's slope stays near 3.
    const g = growth([{ routes: 1, ms: 9 }, { routes: 10, ms: 34 }, { routes: 50, ms: 155 }]);
    expect(g.msPerRoute).toBeGreaterThan(2.9);
    expect(g.msPerRoute).toBeLessThan(3.1);
  });

  test('needs two distinct route counts', () => {
    expect(() => growth([{ routes: 10, ms: 1 }, { routes: 10, ms: 2 }])).toThrow(/two distinct/);
  });
});
