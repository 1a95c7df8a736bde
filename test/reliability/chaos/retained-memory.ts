import { existsSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';

/** Node flags for a served process: a full garbage collection and a memory report on SIGUSR2 (lbkit itself does not use the signal). */
export const COLLECT_ON_SIGNAL = ['--expose-gc', '-r', join(__dirname, 'collect-on-signal.js')];

/** Where collect-on-signal.js writes each process's report (the served process's environment). */
export const MEMORY_DIR_ENV = 'LBKIT_CHAOS_MEMORY_DIR';

/** How long the processes are given to collect and report. */
const COLLECT_TIMEOUT_MS = 5_000;

/**
 * A full garbage collection in each process (started with {@link COLLECT_ON_SIGNAL} and
 * {@link MEMORY_DIR_ENV} = `dir`); resolves with the heap they use after it, summed: the memory
 * they retain, which a leak grows, unlike RSS (the allocator keeps the pages a load needed).
 */
export async function retainedHeap(pids: readonly number[], dir: string): Promise<number> {
  const files = pids.map((pid) => join(dir, `memory-${pid}.json`));
  files.forEach((f) => rmSync(f, { force: true }));
  pids.forEach((pid) => process.kill(pid, 'SIGUSR2'));
  const deadline = Date.now() + COLLECT_TIMEOUT_MS;
  while (!files.every((f) => existsSync(f))) {
    if (Date.now() > deadline) throw new Error(`no memory report within ${COLLECT_TIMEOUT_MS} ms of SIGUSR2 from: ${files.filter((f) => !existsSync(f)).join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return files.reduce((sum, f) => sum + (JSON.parse(readFileSync(f, 'utf8')) as NodeJS.MemoryUsage).heapUsed, 0);
}
