// A jest reporter: when a run is over but jest does not exit (something a test started is still open), it
// names what is still open — handle kinds and child processes — and then ends the process with the run's own
// result, so CI reports the leak in its log instead of waiting out its time limit with nothing said.
// Plain JavaScript: jest loads reporters without ts-jest.
const { readdirSync, readFileSync } = require('fs');

/** How long jest may take to exit by itself once the run is over (it needs well under a second). */
const EXIT_GRACE_MS = 30_000;

/** The live child processes of `pid`, as `pid command line`, from /proc (Linux; elsewhere none). */
function childProcesses(pid) {
  let entries = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const children = [];
  for (const name of entries) {
    try {
      // The command name is in parentheses and may contain spaces: the fields after the last ')' are fixed.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      children.push(`${name} ${cmdline.slice(0, 200)}`);
    } catch {
      // The process ended while it was being read.
    }
  }
  return children;
}

class ExitWatchReporter {
  onRunComplete(_contexts, results) {
    const code = results.numFailedTests > 0 || results.numRuntimeErrorTestSuites > 0 || results.numFailedTestSuites > 0 ? 1 : 0;
    setTimeout(() => {
      const open = process.getActiveResourcesInfo().filter((kind) => kind !== 'Timeout');
      const counts = {};
      for (const kind of open) counts[kind] = (counts[kind] ?? 0) + 1;
      const children = childProcesses(process.pid);
      process.stderr.write(`exit-watch: jest had not exited ${EXIT_GRACE_MS / 1000} s after the run ended; still open: `
        + `${Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'no handles'}; `
        + `child processes: ${children.length ? `\n  ${children.join('\n  ')}` : 'none'}\n`
        + `exit-watch: ending it with the run's result (exit ${code})\n`);
      process.exit(code);
    }, EXIT_GRACE_MS).unref();
  }
}

module.exports = ExitWatchReporter;
