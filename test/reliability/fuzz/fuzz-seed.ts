import { report } from '../support';

/** The seed every fuzz run uses unless LBKIT_FUZZ_SEED names another: fixed, so CI runs are the same and a failure reproduces. */
const DEFAULT_FUZZ_SEED = 20261204;

/** The fast-check seed of this run (printed with {@link reportSeed}). */
export const FUZZ_SEED: number = (() => {
  const given = process.env.LBKIT_FUZZ_SEED;
  if (given === undefined || given === '') return DEFAULT_FUZZ_SEED;
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`LBKIT_FUZZ_SEED=${given}: expected an integer`);
  return seed;
})();

/** Prints the seed, so a failing run can be replayed with LBKIT_FUZZ_SEED. */
export function reportSeed(what: string): void {
  report(`${what}: fuzz seed ${FUZZ_SEED} (LBKIT_FUZZ_SEED=${FUZZ_SEED} replays this run)`);
}
