import { Candidate } from './candidate';
import { chooseFailover } from './choose-failover';
import { chooseLatency } from './choose-latency';
import { chooseWeighted } from './choose-weighted';
import { regionDistanceKm } from './region-locations';
import { DnsRecordModel, RoutingPolicyValue } from '../../core/model/dns-routing-model';

export interface RoutingContext {
  /** Uniform in [0, 1): weighted draws. */
  readonly random: () => number;
  /** The AWS region the client is in: latency routing (the caller supplies a default). */
  readonly clientRegion: string;
}

/** The record Route 53 would answer with under the name's routing policy, from records of one type. */
export function chooseRecord(policy: RoutingPolicyValue, candidates: readonly Candidate<DnsRecordModel>[],
  context: RoutingContext): Candidate<DnsRecordModel> | undefined {
  switch (policy) {
    case 'failover': return chooseFailover(candidates);
    case 'weighted': return chooseWeighted(candidates, context.random);
    case 'latency': return chooseLatency(candidates, context.clientRegion, regionDistanceKm);
  }
}
