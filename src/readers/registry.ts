import { Part } from './parts';
import { SourceDocument } from './values';

/** Reads one resource of the output into engine-neutral parts (none if it is not relevant). */
export type ResourceReader<D extends SourceDocument> = (id: string, resource: Record<string, unknown>, doc: D) => Part[];

/** Which resource types a reader handles (a CloudFormation type, or Terraform types and aliases). */
export interface ResourceMapping<D extends SourceDocument> {
  readonly resourceTypes: string[];
  readonly read: ResourceReader<D>;
}

/**
 * Readers keyed by resource type, in the shape of cdktf-aws-cdk's mapping registry:
 * each resource kind has one small reader per engine, registered here.
 */
export class ReaderRegistry<D extends SourceDocument> {
  private readonly readers = new Map<string, ResourceReader<D>>();

  constructor(mappings: ResourceMapping<D>[] = []) {
    mappings.forEach((m) => this.register(m));
  }

  public register(mapping: ResourceMapping<D>): void {
    for (const type of mapping.resourceTypes) {
      if (this.readers.has(type)) throw new Error(`a reader for ${type} is already registered`);
      this.readers.set(type, mapping.read);
    }
  }

  public lookup(type: string): ResourceReader<D> | undefined {
    return this.readers.get(type);
  }

  public get resourceTypes(): string[] {
    return [...this.readers.keys()];
  }
}
