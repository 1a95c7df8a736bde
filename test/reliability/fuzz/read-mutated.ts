import { performance } from 'perf_hooks';
import { applyMutation, damageText, Json, Mutation, TextDamage } from './mutations';
import { AnyLoadBalancerModel } from '../../../src/core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../../../src/core/model/dns-routing-model';
import { LbkitConfigError, readSynthesized } from '../../../src/readers';
import { parseJsonText } from '../../../src/readers/read-json-file';

/** A synthesized file's text with structural mutations, then text damage, applied. */
export function mutatedText(original: string, mutations: readonly Mutation[], damage: TextDamage): string {
  let doc = JSON.parse(original) as Json;
  for (const m of mutations) doc = applyMutation(doc, m);
  return damageText(JSON.stringify(doc), damage);
}

export type ReadOutcome =
  | { readonly value: { models: AnyLoadBalancerModel[]; dns: DnsRoutingModel[] }; readonly ms: number }
  | { readonly error: unknown; readonly ms: number };

/** Reads a file's text as `lbkit serve` and `lbkit diff` do (parse, detect the engine, read), timed. */
export function readText(text: string, source: string): ReadOutcome {
  const started = performance.now();
  try {
    const { models, dns } = readSynthesized(parseJsonText(text, source, (message) => new LbkitConfigError(message)), source);
    return { value: { models, dns }, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}
