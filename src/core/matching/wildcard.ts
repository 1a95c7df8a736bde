/**
 * ALB wildcard values (`*` any run of characters, `?` exactly one, `\` escapes the next
 * character) compiled once into one anchored regular expression ORing every value.
 */
export function wildcardRegex(values: readonly string[], caseInsensitive: boolean): RegExp {
  const alternatives = values.map((value) => wildcardSource(value));
  return new RegExp(`^(?:${alternatives.join('|')})$`, caseInsensitive ? 'is' : 's');
}

/**
 * One wildcard value as regular-expression source (unanchored); `anyChar` is what `?` and `*`
 * stand for (`.` by default; the HAProxy export keeps query wildcards within one pair with `[^&]`).
 */
export function wildcardSource(value: string, anyChar = '.'): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      out += escapeChar(value[++i]);
    } else if (c === '*') {
      out += `${anyChar}*`;
    } else if (c === '?') {
      out += anyChar;
    } else {
      out += escapeChar(c);
    }
  }
  return out;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c;
}
