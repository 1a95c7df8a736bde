// Preloaded into `lbkit serve` by the chaos tests (node --expose-gc -r): a full garbage collection
// on SIGUSR2, so the tests compare the memory the process retains, not its garbage. Plain
// JavaScript: it loads before ts-node (and without it when lib/ is compiled).
process.on('SIGUSR2', () => globalThis.gc());
