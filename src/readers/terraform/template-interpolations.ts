/**
 * A Terraform template string with each `${...}` interpolation stood in for by a marker, so text
 * around the interpolations (a dashboard body's JSON) can be parsed; `restore` puts them back.
 */
export interface MarkedTemplate {
  readonly text: string;
  /** A string of the parsed text with its markers replaced by the interpolations they stand for. */
  restore(marked: string): string;
}

/** The index just past the `}` that closes the interpolation opened at `start` (`${`), or -1. */
function interpolationEnd(template: string, start: number): number {
  let depth = 0;
  for (let i = start + 1; i < template.length; i++) {
    const c = template[i];
    if (c === '"') {
      // a quoted string inside the expression may hold braces: skip it (\" escapes a quote)
      for (i++; i < template.length && template[i] !== '"'; i++) if (template[i] === '\\') i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return i + 1;
    }
  }
  return -1;
}

/**
 * Marks the interpolations of `template`. Markers are characters of Unicode's private use area
 * that the template does not hold, so they survive JSON parsing inside strings and cannot be
 * mistaken for text. `$${` (an escaped, literal `${`) is left as written.
 */
export function markInterpolations(template: string): MarkedTemplate {
  let fence = 0xe000;
  while (template.includes(String.fromCharCode(fence))) fence++;
  const open = String.fromCharCode(fence);
  const found: string[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('$${', i)) {
      text += '$${';
      i += 3;
      continue;
    }
    const end = template.startsWith('${', i) ? interpolationEnd(template, i) : -1;
    if (end < 0) {
      text += template[i++];
      continue;
    }
    text += `${open}${found.length}${open}`;
    found.push(template.slice(i, end));
    i = end;
  }
  const marker = new RegExp(`${open}(\\d+)${open}`, 'g');
  return { text, restore: (marked) => marked.replace(marker, (_m, n: string) => found[Number(n)]) };
}
