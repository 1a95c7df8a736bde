import { assembleModels, assembleOutput, ReadOutput } from './assemble';
import { assembleDns } from './assemble-dns';
import { withSource } from './errors';
import { Part } from './parts';
import { ReaderRegistry } from './registry';
import { readWatched, UnmodeledFormat, UnmodeledProperty } from './unmodeled';
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
  /** Where a resource's properties live and which ones are never a model's, to report the unmodeled ones. */
  readonly unmodeled: UnmodeledFormat;
}

/** An output's load balancers and DNS routing, and what in it lbkit ignored because it does not model it. */
export interface EngineOutput extends ReadOutput {
  /** Properties and attribute keys no reader reads (escape-hatch overrides), once per resource and property. */
  readonly unmodeled: UnmodeledProperty[];
}

/** The three reads of one engine's output (models, DNS routing, both), all over the same parts. */
export interface EngineReaders {
  readonly models: (output: object) => AnyLoadBalancerModel[];
  readonly dns: (output: object) => DnsRoutingModel[];
  readonly output: (output: object) => EngineOutput;
}

/**
 * Every part of an output: each resource the registry knows, read with errors prefixed by the
 * source; and the properties of those resources that their reader did not read.
 */
function partsOf<D extends SourceDocument>(format: EngineFormat<D>, output: object): { parts: Part[]; unmodeled: UnmodeledProperty[] } {
  const doc = format.document(output);
  const parts: Part[] = [];
  const unmodeled: UnmodeledProperty[] = [];
  for (const resource of format.resources(doc)) {
    const read = format.registry.lookup(resource.type);
    if (!read) continue;
    const watched = withSource(format.source, () => readWatched(format.unmodeled, resource, (body) => read(resource.key, body, doc)));
    parts.push(...watched.result);
    unmodeled.push(...watched.unmodeled);
  }
  return { parts, unmodeled };
}

/** One engine's readers: both engines share the reading loop and the assembly, and state only their format. */
export function engineReaders<D extends SourceDocument>(format: EngineFormat<D>): EngineReaders {
  const { source, container } = format;
  return {
    models: (output) => assembleModels(partsOf(format, output).parts, source),
    dns: (output) => assembleDns(partsOf(format, output).parts, source, container),
    output: (output) => {
      const { parts, unmodeled } = partsOf(format, output);
      return { ...assembleOutput(parts, source, container), unmodeled };
    },
  };
}
