import { LbkitConfigError } from './errors';

/**
 * Deepest JSON nesting the readers accept. Synthesized files nest about 15 levels (intrinsics
 * inside properties inside resources); far deeper input is not a synthesized file, and the
 * readers' recursive walks would exhaust the stack on it.
 */
export const MAX_NESTING_DEPTH = 500;

/** Refuses a parsed document nested deeper than MAX_NESTING_DEPTH, walking it without recursion. */
export function checkNestingDepth(document: unknown, source: string): void {
  const stack: Array<[unknown, number]> = [[document, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_NESTING_DEPTH) throw new LbkitConfigError(`${source}: nested more than ${MAX_NESTING_DEPTH} levels deep; not a synthesized file`);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}
