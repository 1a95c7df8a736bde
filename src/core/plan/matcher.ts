import { LbkitValidationError } from '../errors';

/** Matcher like `200`, `200,204`, `200-299`, each code within [min, max]. */
export function checkMatcherRange(path: string, option: string, matcher: string, min: number, max: number): void {
  const parts = matcher.split(/[,-]/);
  const ok = /^\d{3}(-\d{3}|(,\d{3})*)$/.test(matcher)
    && parts.every((p) => Number(p) >= min && Number(p) <= max)
    && (!matcher.includes('-') || Number(parts[0]) <= Number(parts[1]));
  if (!ok) {
    throw new LbkitValidationError(path, option, `must be codes from ${min} to ${max} as "200", "200,204" or "200-299"`, matcher);
  }
}
