/**
 * A duration from the model (seconds) as local milliseconds under the time scale: 10 = ten times
 * faster. Never below 1 ms, so a timer always yields to I/O.
 */
export function scaledMs(seconds: number, timeScale: number): number {
  return Math.max(1, Math.round((seconds * 1000) / timeScale));
}
