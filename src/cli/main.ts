// The `lbkit` executable (package.json bin: lbkit → lib/cli/main.js, run with node).
import { PROCESS_IO } from './cli-error';
import { runCli } from './program';
import { ServeSession } from './serve';

/** Serves until SIGINT or SIGTERM, then closes the session (a second signal exits at once). */
function untilSignal(session: ServeSession): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.once(signal, () => process.exit(130));
      PROCESS_IO.err(`lbkit serve: ${signal}, closing\n`);
      void session.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return runCli(argv, PROCESS_IO, { onServing: untilSignal });
}

if (require.main === module) {
  void main().then((code) => { process.exitCode = code; });
}
