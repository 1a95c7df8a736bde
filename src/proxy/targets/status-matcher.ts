/**
 * A health-check matcher (`200`, `200,204`, `200-299`, or a mix) compiled once into a
 * predicate over status codes.
 */
export function compileStatusMatcher(matcher: string): (status: number) => boolean {
  const ranges: Array<[number, number]> = [];
  for (const part of matcher.split(',')) {
    const text = part.trim();
    if (text === '') continue;
    const dash = text.indexOf('-');
    const low = Number(dash < 0 ? text : text.slice(0, dash));
    const high = Number(dash < 0 ? text : text.slice(dash + 1));
    if (!Number.isInteger(low) || !Number.isInteger(high) || low > high) {
      throw new Error(`health-check matcher: cannot read "${text}" in "${matcher}"`);
    }
    ranges.push([low, high]);
  }
  if (ranges.length === 1) {
    const [low, high] = ranges[0];
    return (status) => status >= low && status <= high;
  }
  return (status) => ranges.some(([low, high]) => status >= low && status <= high);
}
