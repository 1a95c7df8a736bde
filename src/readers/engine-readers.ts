import { assembleModels, assembleOutput, ReadOutput } from './assemble';
import { assembleDns } from './assemble-dns';
import { withSource } from './errors';
import { Part } from './parts';
import { ReaderRegistry } from './registry';
import { SourceDocument } from './values';
import { AnyLoadBalancerModel } from '../core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../core/model/dns-routing-model';

/** One resource of an output as the registry looks it up: its id (logical id or `type.name`), type and body. */
export interface EngineResource {
  readonly key: string;
  readonly type: string;
  readonly body: Record<string, unknown>;
}

/** What differs between engines on the way from an output to its parts; the rest is shared. */
export interface EngineFormat<D extends SourceDocument> {
  /** Names the input in errors: `CloudFormation template`. */
  readonly source: string;
  /** What the output is called where it holds nothing lbkit reads: `template`. */
  readonly container: string;
  readonly registry: ReaderRegistry<D>;
  /** Parses the output (throws when it is not this engine's). */
  readonly document: (output: object) => D;
  /** The resources in document order, lazily: a malformed one fails when reached. */
  readonly resources: (doc: D) => Iterable<EngineResource>;
}

/** The three reads of one engine's output (models, DNS routing, both), all over the same parts. */
export interface EngineReaders {
  readonly models: (output: object) => AnyLoadBalancerModel[];
  readonly dns: (output: object) => DnsRoutingModel[];
  readonly output: (output: object) => ReadOutput;
}

/** Every part of an output: each resource the registry knows, read with errors prefixed by the source. */
function partsOf<D extends SourceDocument>(format: EngineFormat<D>, output: object): Part[] {
  const doc = format.document(output);
  const parts: Part[] = [];
  for (const resource of format.resources(doc)) {
    const read = format.registry.lookup(resource.type);
    if (read) parts.push(...withSource(format.source, () => read(resource.key, resource.body, doc)));
  }
  return parts;
}

/** One engine's readers: both engines share the reading loop and the assembly, and state only their format. */
export function engineReaders<D extends SourceDocument>(format: EngineFormat<D>): EngineReaders {
  const { source, container } = format;
  return {
    models: (output) => assembleModels(partsOf(format, output), source),
    dns: (output) => assembleDns(partsOf(format, output), source, container),
    output: (output) => assembleOutput(partsOf(format, output), source, container),
  };
}
