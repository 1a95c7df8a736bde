import * as fc from 'fast-check';

/**
 * A deterministic fault schedule: the same seed always gives the same faults at the same times,
 * so a chaos run that fails can be replayed. Generation is fast-check's (seeded), not a hand-written PRNG.
 */

/** The fixed seed of every chaos run; `LBKIT_CHAOS_SEED` replays another one. */
export const DEFAULT_CHAOS_SEED = 19;

/** The seed of this run: `LBKIT_CHAOS_SEED` when set (an integer), else {@link DEFAULT_CHAOS_SEED}. */
export function chaosSeed(): number {
  const text = process.env.LBKIT_CHAOS_SEED;
  if (text === undefined || text === '') return DEFAULT_CHAOS_SEED;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`LBKIT_CHAOS_SEED=${text}: not an integer`);
  return seed;
}

/** One fault to inject: `kind` on `target` from `atMs` (after the schedule starts) for `durationMs`. */
export interface ScheduledFault<K extends string = string, T extends string = string> {
  readonly atMs: number;
  readonly kind: K;
  readonly target: T;
  /** How long the fault lasts (0 for an instant fault such as a reload). */
  readonly durationMs: number;
}

export interface FaultScheduleOptions<K extends string, T extends string> {
  readonly seed: number;
  /** Faults start within [0, durationMs); each ends by durationMs. */
  readonly durationMs: number;
  readonly kinds: readonly K[];
  readonly targets: readonly T[];
  /** Mean time between two faults' starts (ms). */
  readonly meanGapMs: number;
  /** Shortest and longest duration of a fault (ms). */
  readonly minFaultMs: number;
  readonly maxFaultMs: number;
  /** Kinds that happen at an instant (duration 0), e.g. a reload. */
  readonly instantKinds?: readonly K[];
  /** The targets a kind may hit, when not every target fits it (e.g. a worker kill hits workers). */
  readonly targetsOf?: Partial<Record<K, readonly T[]>>;
}

/** Gaps are drawn uniformly from [GAP_SPREAD_LOW, GAP_SPREAD_HIGH] × the mean: a mean as asked; faults may overlap when one lasts longer than the next gap. */
const GAP_SPREAD_LOW = 0.5;
const GAP_SPREAD_HIGH = 1.5;

/**
 * The faults of one run, sorted by start. Kinds are taken in turn from a seeded shuffle of
 * `kinds` (every kind occurs once before any repeats, so a short run covers all of them); the
 * target, the gap and the duration of each are drawn from the seed.
 */
export function faultSchedule<K extends string, T extends string>(o: FaultScheduleOptions<K, T>): ScheduledFault<K, T>[] {
  if (o.kinds.length === 0 || o.targets.length === 0) return [];
  const maxFaults = Math.max(1, Math.ceil(o.durationMs / (o.meanGapMs * GAP_SPREAD_LOW)));
  // noBias: fast-check otherwise favours the edges of each range (every gap the shortest, every fault the first target).
  const draw = fc.noBias(fc.record({
    order: fc.shuffledSubarray([...o.kinds], { minLength: o.kinds.length, maxLength: o.kinds.length }),
    steps: fc.array(fc.record({
      gapMs: fc.integer({ min: Math.round(GAP_SPREAD_LOW * o.meanGapMs), max: Math.round(GAP_SPREAD_HIGH * o.meanGapMs) }),
      lengthMs: fc.integer({ min: o.minFaultMs, max: o.maxFaultMs }),
      pick: fc.nat({ max: 1_000_000 }),
    }), { minLength: maxFaults, maxLength: maxFaults }),
  }));
  const [{ order, steps }] = fc.sample(draw, { seed: o.seed, numRuns: 1 });
  const faults: ScheduledFault<K, T>[] = [];
  let at = 0;
  for (const [i, step] of steps.entries()) {
    at += step.gapMs;
    if (at >= o.durationMs) break;
    const kind = order[i % order.length];
    const candidates = o.targetsOf?.[kind] ?? o.targets;
    if (candidates.length === 0) continue;
    const target = candidates[step.pick % candidates.length];
    const instant = o.instantKinds?.includes(kind) ?? false;
    faults.push({ atMs: at, kind, target, durationMs: instant ? 0 : Math.min(step.lengthMs, o.durationMs - at) });
  }
  return faults;
}
