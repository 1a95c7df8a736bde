/**
 * ALB wildcard values (`*` any run of characters, `?` exactly one, `\` escapes the next
 * character) compiled once into one anchored regular expression ORing every value.
 */
export function wildcardRegex(values: readonly string[], caseInsensitive: boolean): RegExp {
  const alternatives = values.map((value) => {
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (c === '\\' && i + 1 < value.length) {
        out += escapeChar(value[++i]);
      } else if (c === '*') {
        out += '.*';
      } else if (c === '?') {
        out += '.';
      } else {
        out += escapeChar(c);
      }
    }
    return out;
  });
  return new RegExp(`^(?:${alternatives.join('|')})$`, caseInsensitive ? 'is' : 's');
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c;
}
