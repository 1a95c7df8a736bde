import { Part, PartKind, ValueRef } from './parts';

export type PartOf<K extends PartKind> = Extract<Part, { kind: K }>;

/** The parts read from one synthesized output, linked by key. */
export class PartGraph {
  private readonly byKey = new Map<string, Part>();

  constructor(private readonly parts: Part[]) {
    for (const part of parts) this.byKey.set(part.key, part);
  }

  public all<K extends PartKind>(kind: K): PartOf<K>[] {
    return this.parts.filter((p): p is PartOf<K> => p.kind === kind);
  }

  /** The part a value refers to, through pointers (e.g. a certificate validation). */
  public follow(ref: ValueRef | undefined): Part | undefined {
    const seen = new Set<string>();
    let part = ref?.key !== undefined ? this.byKey.get(ref.key) : undefined;
    while (part?.kind === 'pointer' && !seen.has(part.key)) {
      seen.add(part.key);
      part = part.to.key !== undefined ? this.byKey.get(part.to.key) : undefined;
    }
    return part;
  }

  public refersTo(ref: ValueRef | undefined, key: string): boolean {
    return this.follow(ref)?.key === key;
  }

  public followAs<K extends PartKind>(ref: ValueRef | undefined, kind: K): PartOf<K> | undefined {
    const part = this.follow(ref);
    return part?.kind === kind ? part as PartOf<K> : undefined;
  }
}
