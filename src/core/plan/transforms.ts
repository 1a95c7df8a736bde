import { LbkitValidationError } from '../errors';
import { REWRITE_REGEX_MAX_LENGTH, REWRITE_REPLACE_MAX_LENGTH } from '../limits';
import { TransformModel, TransformTypeValue } from '../model/load-balancer-model';
import { RewriteOptions, RouteRewriteOptions } from '../options/route-rewrite-options';
import { unsupportedRegexFeature } from '../validation/rewrite-regex';

/** The route option of each transform type, in the order rules carry them (host first, as AWS lists them). */
const TRANSFORM_OPTIONS: ReadonlyArray<readonly [keyof RouteRewriteOptions, TransformTypeValue]> = [
  ['host', 'host-header-rewrite'],
  ['url', 'url-rewrite'],
];

/**
 * A route's rewrites as rule transforms, checked against AWS's limits and regex dialect;
 * undefined when it has none. `option` is e.g. `routes["api"].rewrite`.
 */
export function planTransforms(path: string, option: string, rewrite: RouteRewriteOptions | undefined): TransformModel[] | undefined {
  if (rewrite === undefined) return undefined;
  const transforms: TransformModel[] = [];
  for (const [key, type] of TRANSFORM_OPTIONS) {
    const one = rewrite[key];
    if (one === undefined) continue;
    checkRewrite(path, `${option}.${key}`, one);
    transforms.push({ type, regex: one.regex, replace: one.replace });
  }
  return transforms.length > 0 ? transforms : undefined;
}

function checkRewrite(path: string, option: string, rewrite: RewriteOptions): void {
  const { regex, replace } = rewrite;
  if (typeof regex !== 'string' || regex.length === 0 || regex.length > REWRITE_REGEX_MAX_LENGTH) {
    throw new LbkitValidationError(path, `${option}.regex`, `must be 1–${REWRITE_REGEX_MAX_LENGTH} characters`, regex);
  }
  if (typeof replace !== 'string' || replace.length > REWRITE_REPLACE_MAX_LENGTH) {
    throw new LbkitValidationError(path, `${option}.replace`, `must be at most ${REWRITE_REPLACE_MAX_LENGTH} characters`, replace);
  }
  const feature = unsupportedRegexFeature(regex);
  if (feature) {
    throw new LbkitValidationError(path, `${option}.regex`, `uses ${feature}, which ALB rule transforms do not support`, regex);
  }
  let groups: number;
  try {
    // The local proxy runs the rewrite with JavaScript's engine: a regex it cannot compile is refused here, not at serve time.
    groups = new RegExp(`${regex}|`).exec('')!.length - 1;
  } catch (e) {
    throw new LbkitValidationError(path, `${option}.regex`, `is not a valid regular expression (${(e as Error).message})`, regex);
  }
  for (const ref of replace.match(/\$(\d+)/g) ?? []) {
    if (Number(ref.slice(1)) > groups) {
      throw new LbkitValidationError(path, `${option}.replace`, `refers to ${ref} but the regex has ${groups} capture group(s)`, replace);
    }
  }
}
