/**
 * Lines written before `release()` are kept and written then; afterwards each line goes straight
 * through. `lbkit serve` holds its log while it starts, so the start-up summary comes first and
 * the warnings logged on the way (what is not emulated) follow it.
 */
export function heldLines(write: (line: string) => void): { write(line: string): void; release(): void } {
  let held: string[] | undefined = [];
  return {
    write(line) {
      if (held) held.push(line);
      else write(line);
    },
    release() {
      const lines = held ?? [];
      held = undefined;
      for (const line of lines) write(line);
    },
  };
}
