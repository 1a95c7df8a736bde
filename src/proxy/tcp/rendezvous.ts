/* eslint-disable no-bitwise -- a hash function is bit mixing */

/**
 * A 32-bit hash of a string: FNV-1a over the UTF-16 code units, then murmur3's finalizer so that
 * keys differing in one digit (ports) spread over the whole range.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Rendezvous (highest-random-weight) hashing: the candidate whose id scores highest with the key.
 * A key keeps its candidate while that candidate stays in the list; removing one moves only the
 * keys it held, adding one takes only the keys it now wins. Undefined for an empty list.
 */
export function rendezvousPick<T>(key: string, candidates: readonly T[], idOf: (candidate: T) => string): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  let bestId = '';
  for (const candidate of candidates) {
    const id = idOf(candidate);
    const score = hash32(`${key}\u0000${id}`);
    // Ties (rare) go to the smaller id, so the choice does not depend on the list's order.
    if (score > bestScore || (score === bestScore && id < bestId)) {
      best = candidate;
      bestScore = score;
      bestId = id;
    }
  }
  return best;
}
