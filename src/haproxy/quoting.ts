/**
 * HAProxy config quoting. Single quotes are strong (nothing inside is interpreted), for regexes
 * and literals; double quotes are needed for log-format strings (`%[...]` samples), where `\`, `"`
 * and `$` are escaped and `%` doubled in literal parts.
 */
export function strongQuote(text: string): string {
  if (text.includes('\'')) {
    // No escape exists inside single quotes: close, add an escaped quote, reopen.
    return text.split('\'').map((part) => `'${part}'`).join('\\\'');
  }
  return `'${text}'`;
}

/** A literal part of a log-format string (inside double quotes). */
export function logFormatLiteral(text: string): string {
  return text.replace(/%/g, '%%').replace(/[\\"$]/g, (c) => `\\${c}`);
}

/** A name usable as a HAProxy proxy, ACL or file name: letters, digits, `_ - . :` only. */
export function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9_.:-]/g, '_');
}
