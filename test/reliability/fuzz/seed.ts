import { report } from '../support';

/** The fixed seed of the fuzz runs (CI repeats the same cases); LBKIT_FUZZ_SEED picks another. */
const DEFAULT_FUZZ_SEED = 20261204;

function seedFromEnvironment(): number {
  const given = process.env.LBKIT_FUZZ_SEED;
  if (given === undefined || given === '') return DEFAULT_FUZZ_SEED;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`LBKIT_FUZZ_SEED=${given}: expected an integer`);
  return seed;
}

/** The seed of this run, printed once per file so a failure can be replayed with LBKIT_FUZZ_SEED. */
export function fuzzSeed(file: string): number {
  const seed = seedFromEnvironment();
  report(`${file}: fast-check seed ${seed} (replay with LBKIT_FUZZ_SEED=${seed})`);
  return seed;
}

/** The longest one read or `lbkit diff` may take: a case past it counts as a hang. */
export const CASE_TIME_LIMIT_MS = 2_000;

/**
 * The longest one `lbkit serve` case may take: a case past it counts as a hang. Longer than a read's
 * limit because serve may issue a certificate first (a `--domain` name is new to the local CA): an
 * RSA 2048 key, whose generation time has a long tail — 50–400 ms here, over 2 s on a loaded CI runner.
 */
export const SERVE_CASE_TIME_LIMIT_MS = 10_000;
