import { SynthEngine } from './synth-variants';

/** Resources by type in one synthesized output. */
export type ResourceCounts = Record<string, number>;

/**
 * Resources by type: a template's `Resources` by `Type`; a cdk.tf.json's `resource` blocks by
 * type (a block with `for_each` counts once: its instances are only known at plan time).
 */
export function countResources(engine: SynthEngine, output: any): ResourceCounts {
  const counts: ResourceCounts = {};
  if (engine === 'cloudformation') {
    for (const resource of Object.values<any>(output.Resources ?? {})) counts[resource.Type] = (counts[resource.Type] ?? 0) + 1;
  } else {
    for (const [type, blocks] of Object.entries<any>(output.resource ?? {})) counts[type] = Object.keys(blocks).length;
  }
  return sortedByKey(counts);
}

export function totalResources(counts: ResourceCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** A resource type whose count differs between two outputs. */
export interface CountDifference {
  readonly type: string;
  readonly lbkit: number;
  readonly handWritten: number;
}

/** The types whose counts differ, sorted by type. */
export function countDifferences(lbkit: ResourceCounts, handWritten: ResourceCounts): CountDifference[] {
  const types = [...new Set([...Object.keys(lbkit), ...Object.keys(handWritten)])].sort();
  return types
    .map((type) => ({ type, lbkit: lbkit[type] ?? 0, handWritten: handWritten[type] ?? 0 }))
    .filter((d) => d.lbkit !== d.handWritten);
}

function sortedByKey(counts: ResourceCounts): ResourceCounts {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
