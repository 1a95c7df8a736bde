import { randomFillSync } from 'crypto';

const pool = Buffer.alloc(12 * 256);
let offset = pool.length;

/** `1-<8 hex epoch seconds>-` for the current second, formatted once per second. */
let prefixSecond = -1;
let prefix = '';

/** A new trace id: `1-<8 hex epoch seconds>-<24 hex random>` (random bytes drawn in batches). */
export function newTraceId(nowMs = Date.now()): string {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.toString('hex', offset, offset + 12);
  offset += 12;
  const second = Math.floor(nowMs / 1000);
  if (second !== prefixSecond) {
    prefixSecond = second;
    prefix = `1-${second.toString(16).padStart(8, '0')}-`;
  }
  return prefix + random;
}

/**
 * The X-Amzn-Trace-Id the target receives: `Root=<new>` when the request has none; with a
 * Root already present, the header kept and `Self=<new>` put first.
 */
export function traceHeader(incoming: string | undefined): { header: string; root: string } {
  if (incoming) {
    const match = /(?:^|;)\s*Root=([^;]+)/.exec(incoming);
    if (match) {
      const withoutSelf = incoming.replace(/(?:^|;)\s*Self=[^;]*/, '').replace(/^;/, '');
      return { header: `Self=${newTraceId()};${withoutSelf}`, root: match[1] };
    }
  }
  const root = newTraceId();
  return { header: incoming ? `Root=${root};${incoming}` : `Root=${root}`, root };
}
