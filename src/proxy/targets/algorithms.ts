import { AlgorithmValue } from '../../core/model/load-balancer-model';

/** What an algorithm needs to know of a candidate target. */
export interface Candidate {
  /** Requests in flight to this target. */
  readonly outstanding: number;
  /** Relative share (1 unless in slow start). */
  readonly weight: number;
}

/** Picks the index of one candidate from a non-empty list. */
export type Picker = (candidates: readonly Candidate[]) => number;

/** Round robin; with unequal weights (slow start) a smooth weighted round robin (nginx's). */
export function roundRobin(): Picker {
  let next = 0;
  let current: number[] = [];
  return (candidates) => {
    const n = candidates.length;
    let equal = true;
    for (let i = 0; i < n; i++) if (candidates[i].weight !== 1) { equal = false; break; }
    if (equal) {
      const index = next % n;
      next = index + 1;
      return index;
    }
    if (current.length !== n) current = new Array<number>(n).fill(0);
    let total = 0;
    let best = 0;
    for (let i = 0; i < n; i++) {
      current[i] += candidates[i].weight;
      total += candidates[i].weight;
      if (current[i] > current[best]) best = i;
    }
    current[best] -= total;
    return best;
  };
}

/** Least outstanding requests; ties broken in turn so idle targets share the load. */
export function leastOutstandingRequests(): Picker {
  let turn = 0;
  return (candidates) => {
    const n = candidates.length;
    turn = (turn + 1) % n;
    let best = turn;
    for (let k = 1; k < n; k++) {
      const i = (turn + k) % n;
      if (candidates[i].outstanding < candidates[best].outstanding) best = i;
    }
    return best;
  };
}

/** Weighted random (equal weights unless in slow start). */
export function weightedRandom(random: () => number = Math.random): Picker {
  return (candidates) => {
    let total = 0;
    for (const c of candidates) total += c.weight;
    let r = random() * total;
    for (let i = 0; i < candidates.length; i++) {
      r -= candidates[i].weight;
      if (r < 0) return i;
    }
    return candidates.length - 1;
  };
}

export function picker(algorithm: AlgorithmValue): Picker {
  switch (algorithm) {
    case 'least_outstanding_requests': return leastOutstandingRequests();
    case 'weighted_random': return weightedRandom();
    default: return roundRobin();
  }
}
