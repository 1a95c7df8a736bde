import { unmodeledMessage, UnmodeledProperty } from '../readers';

/**
 * What `lbkit serve` says about properties of the file it does not model (escape-hatch
 * overrides): one warning line per resource and property, on stderr, whatever the log level (it
 * is about the input, like an error). With --watch, a reload warns only about what is new.
 */
export function unmodeledWarnings(write: (line: string) => void): (unmodeled: readonly UnmodeledProperty[]) => void {
  const said = new Set<string>();
  return (unmodeled) => {
    for (const u of unmodeled) {
      const key = `${u.resource}\u0000${u.property}`;
      if (said.has(key)) continue;
      said.add(key);
      write(`lbkit serve: warning: ${unmodeledMessage(u)}\n`);
    }
  };
}
