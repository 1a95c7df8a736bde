/**
 * The regular-expression features AWS's rule transforms do not support (ELB user guide, "Transforms
 * for listener rules"), found by one scan that skips escaped characters and reads character
 * classes apart (`[+]` or `[(?=]` is no feature). Returns the first feature's name, or undefined.
 */
export function unsupportedRegexFeature(regex: string): string | undefined {
  let inClass = false;
  // The previous token was a quantifier: a `+` after it makes the quantifier possessive.
  let afterQuantifier = false;
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === '\\') {
      const escaped = escapeFeature(regex, i + 1, inClass);
      if (escaped) return escaped;
      i++;
      afterQuantifier = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      // `[]...]` and `[^]...]`: a `]` first in the class is a literal.
      if (regex[i + 1] === '^') i++;
      if (regex[i + 1] === ']') i++;
      afterQuantifier = false;
      continue;
    }
    if (c === '(' && regex[i + 1] === '?') {
      const group = groupFeature(regex.slice(i + 2, i + 5));
      if (group) return group;
      i++; // the `?` opens the group; it quantifies nothing
      afterQuantifier = false;
      continue;
    }
    if (c === '+' && afterQuantifier) return 'possessive quantifiers';
    if (c === '*' || c === '+' || c === '?') {
      // A `?` after a quantifier makes it lazy (`a+?`): that ends the quantifier, it does not start one.
      afterQuantifier = !afterQuantifier;
      continue;
    }
    if (c === '{') {
      const bound = /^\{\d+(,\d*)?\}/.exec(regex.slice(i));
      if (bound) {
        i += bound[0].length - 1;
        afterQuantifier = true;
        continue;
      }
    }
    afterQuantifier = false;
  }
  return undefined;
}

/** What follows `(?`: lookarounds, atomic groups, subroutines and recursion are not supported. */
function groupFeature(after: string): string | undefined {
  if (after.startsWith('=') || after.startsWith('!')) return 'lookaheads';
  if (after.startsWith('<=') || after.startsWith('<!')) return 'lookbehinds';
  if (after.startsWith('>')) return 'atomic groups';
  if (after.startsWith('R') || after.startsWith('0')) return 'recursion';
  if (/^([&]|P>|[+-]?[1-9])/.test(after)) return 'subroutines';
  return undefined;
}

/** The escape at `at` (after a backslash): backreferences, `\g` subroutine calls and Unicode classes are not supported. */
function escapeFeature(regex: string, at: number, inClass: boolean): string | undefined {
  const c = regex[at];
  if (c === 'p' || c === 'P') return 'Unicode character classes (\\p{...})';
  if (inClass) return undefined;
  if (c !== undefined && c >= '1' && c <= '9') return 'backreferences';
  if (c === 'k') return 'backreferences';
  if (c === 'g') return regex[at + 1] === '<' || regex[at + 1] === '\'' ? 'subroutines' : 'backreferences';
  return undefined;
}
