import { DEFAULT_RESULTS_FILE, DEFAULT_ROUTE_COUNTS, parseSynthBenchArgs } from '../../bench/support/synth-options';

describe('bench:synth options', () => {
  test('defaults: 20 measured rounds after 3 warm-up rounds at 1, 10 and 50 routes', () => {
    expect(parseSynthBenchArgs([])).toEqual({
      runs: 20, warmup: 3, routeCounts: [1, 10, 50], plainStackTraces: false, out: DEFAULT_RESULTS_FILE, help: false,
    });
    expect(DEFAULT_ROUTE_COUNTS).toEqual([1, 10, 50]);
  });

  test('--quick is fewer rounds; --runs and --warmup override it', () => {
    expect(parseSynthBenchArgs(['--quick'])).toMatchObject({ runs: 5, warmup: 1 });
    expect(parseSynthBenchArgs(['--quick', '--runs', '9'])).toMatchObject({ runs: 9, warmup: 1 });
    expect(parseSynthBenchArgs(['--runs=12', '--warmup', '0'])).toMatchObject({ runs: 12, warmup: 0 });
  });

  test('--plain-stack-traces switches off source-mapped stack traces', () => {
    expect(parseSynthBenchArgs(['--plain-stack-traces']).plainStackTraces).toBe(true);
  });

  test('--routes is sorted and deduplicated; --out and --help are passed through', () => {
    expect(parseSynthBenchArgs(['--routes', '50, 1,10,1', '--out', '/tmp/x.json', '-h'])).toMatchObject({
      routeCounts: [1, 10, 50], out: '/tmp/x.json', help: true,
    });
  });

  test.each([
    [['--runs', '0']],
    [['--runs', 'many']],
    [['--runs', '2.5']],
    [['--warmup', '-1']],
    [['--routes', '1,x']],
    [['--fast']],
  ])('%j is refused with the usage', (argv) => {
    expect(() => parseSynthBenchArgs(argv)).toThrow(/./);
  });

  test('a bad number names the option and the value', () => {
    expect(() => parseSynthBenchArgs(['--runs', 'many'])).toThrow(/--runs must be a whole number ≥ 1, got "many"[\s\S]*Usage/);
  });
});
