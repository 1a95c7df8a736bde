// Preloaded into `lbkit serve` by the chaos tests (node --expose-gc -r): on SIGUSR2, a full garbage
// collection, then process.memoryUsage() written to LBKIT_CHAOS_MEMORY_FILE, so the tests compare the
// memory the process retains (its heap after a collection), not its garbage or the pages the allocator
// keeps. Plain JavaScript: it loads before ts-node (and without it when lib/ is compiled).
const { renameSync, writeFileSync } = require('fs');

process.on('SIGUSR2', () => {
  globalThis.gc();
  const file = process.env.LBKIT_CHAOS_MEMORY_FILE;
  if (!file) return;
  writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
  renameSync(`${file}.tmp`, file); // whole, never half-written
});
