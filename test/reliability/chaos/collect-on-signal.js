// Preloaded into `lbkit serve` (and its cluster workers, which inherit the flags) by the chaos tests
// (node --expose-gc -r): on SIGUSR2, a full garbage collection, then process.memoryUsage() written to
// $LBKIT_CHAOS_MEMORY_DIR/memory-<pid>.json, so the tests compare the memory a process retains (its heap
// after a collection), not its garbage or the pages the allocator keeps. Plain JavaScript: it loads
// before ts-node (and without it when lib/ is compiled).
const { renameSync, writeFileSync } = require('fs');
const { join } = require('path');

process.on('SIGUSR2', () => {
  globalThis.gc();
  const dir = process.env.LBKIT_CHAOS_MEMORY_DIR;
  if (!dir) return;
  const file = join(dir, `memory-${process.pid}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
  renameSync(`${file}.tmp`, file); // whole, never half-written
});
