/**
 * `npx projen reliability [-- --chaos | --fuzz] [jest arguments]`: the reliability suite's long version
 * (LBKIT_RELIABILITY=long: minutes of load and chaos, ten times the fuzz cases), run in band so the
 * time-bounded cases have the machine to themselves. `--chaos` runs only the chaos files (5 minutes of
 * faults under load per file), `--fuzz` only the fuzzers; anything else goes to jest as it is.
 */
import { spawnSync } from 'child_process';

const PARTS: Record<string, string> = {
  '--chaos': 'test/reliability/chaos/',
  '--fuzz': 'test/reliability/fuzz/',
};

// projen passes its own `--` separator through.
const args = process.argv.slice(2).filter((a) => a !== '--');
const parts = args.filter((a) => a in PARTS).map((a) => PARTS[a]);
const rest = args.filter((a) => !(a in PARTS));
const paths = parts.length > 0 ? parts : ['test/reliability/'];

const run = spawnSync('npx', ['jest', '--runInBand', ...paths, ...rest], {
  stdio: 'inherit',
  env: { ...process.env, LBKIT_RELIABILITY: 'long' },
});
process.exit(run.status ?? 1);
