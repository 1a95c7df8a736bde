/**
 * The order runs happen in. Every round runs each cell (variant × route count) once, in a
 * fresh shuffled order, so slow drift of the machine (other processes, thermal state, heap
 * growth) spreads evenly over the variants instead of billing whichever always runs last.
 */

/** One measurement to make. */
export interface Cell {
  readonly variantId: string;
  readonly routeCount: number;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same schedule. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Every variant at every route count. */
export function cells(variantIds: readonly string[], routeCounts: readonly number[]): Cell[] {
  return routeCounts.flatMap((routeCount) => variantIds.map((variantId) => ({ variantId, routeCount })));
}

/** `rounds` rounds, each every cell once in its own shuffled order. */
export function interleavedSchedule(all: readonly Cell[], rounds: number, seed: number): Cell[][] {
  if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError(`rounds must be a whole number ≥ 0, got ${rounds}`);
  const random = seededRandom(seed);
  return Array.from({ length: rounds }, () => shuffled(all, random));
}
