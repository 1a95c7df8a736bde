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

/** Park–Miller's minimal standard generator, in floating point (exact below 2^53): the same seed gives the same schedule. */
export function seededRandom(seed: number): () => number {
  const modulus = 2147483647;
  let state = ((Math.floor(Math.abs(seed)) % (modulus - 1)) + 1);
  return () => {
    state = (state * 48271) % modulus;
    return (state - 1) / (modulus - 1);
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
