/**
 * A problem with the command line or its input that the user must fix: printed as one line
 * `lbkit: <message>`, exit status 2.
 */
export class CliError extends Error {
  constructor(message: string, public readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}

/** Where the CLI writes; the process's streams by default, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const PROCESS_IO: CliIo = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
};
