import { runCli } from '../../../src/cli';
import { bufferIo } from '../../cli/support';

/** What one `lbkit` run printed and returned. */
export interface CliOutcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A serve that starts is closed at once: the fuzz cases check what the CLI decides, not the proxy. */
const closeAtOnce = { onServing: async (session: { close(): Promise<void> }) => { await session.close(); } };

/** Runs `lbkit` in-process (no process start-up per case). */
export async function runLbkit(args: readonly string[]): Promise<CliOutcome> {
  const io = bufferIo();
  const code = await runCli(args, io, closeAtOnce);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/**
 * Why a run's ending is not one clear error, or undefined when it is: exit 2, nothing on stdout,
 * exactly one stderr line `lbkit: <prefix><what>` (prefix: the file, when a file is at fault).
 */
export function notOneClearError(r: CliOutcome, prefix = ''): string | undefined {
  if (r.code !== 2) return `exit ${r.code} (stderr ${JSON.stringify(r.stderr.slice(0, 300))})`;
  if (r.stdout !== '') return `stdout not empty: ${JSON.stringify(r.stdout.slice(0, 200))}`;
  if (!r.stderr.endsWith('\n') || r.stderr.slice(0, -1).includes('\n')) return `not one stderr line: ${JSON.stringify(r.stderr.slice(0, 300))}`;
  if (!r.stderr.startsWith(`lbkit: ${prefix}`)) return `stderr not "lbkit: ${prefix}…": ${JSON.stringify(r.stderr.slice(0, 300))}`;
  if (r.stderr.length <= `lbkit: ${prefix}\n`.length) return 'an error that says nothing';
  return undefined;
}
