import { TransformModel } from '../../core/model/load-balancer-model';

/** A rule's transforms, compiled once with the route table. */
export interface CompiledTransforms {
  readonly host?: CompiledRewrite;
  readonly url?: CompiledRewrite;
}

interface CompiledRewrite {
  readonly regex: RegExp;
  readonly replace: string;
}

/** What the transforms made of a request: the Host and URL to forward, and which of them changed (the access log's fields). */
export interface RewrittenRequest {
  readonly host: string;
  readonly url: string;
  readonly transformedHost?: string;
  readonly transformedUri?: string;
}

/** A rewritten URL must stay an origin-form request target: a path (and query) of visible ASCII. */
const ORIGIN_FORM = /^\/[\x21-\x7e]*$/;
/** A rewritten Host must stay a host (and port): no whitespace, controls, slashes or `@`. */
const HOST_VALUE = /^[A-Za-z0-9.\-_~!$&'()*+,;=:%[\]]+$/;

/** Compiles a rule's transforms; undefined when it has none. A regex the proxy cannot compile never matches: the request goes on unchanged. */
export function compileTransforms(transforms: TransformModel[] | undefined): CompiledTransforms | undefined {
  if (!transforms?.length) return undefined;
  const compiled: { host?: CompiledRewrite; url?: CompiledRewrite } = {};
  for (const t of transforms) {
    let regex: RegExp;
    try {
      regex = new RegExp(t.regex);
    } catch {
      continue;
    }
    compiled[t.type === 'host-header-rewrite' ? 'host' : 'url'] = { regex, replace: t.replace };
  }
  return compiled;
}

/**
 * Applies a rule's transforms as AWS documents them (ELB guide, "Transforms for listener rules"):
 * the first match of each regex is replaced; no match leaves that part unchanged; a match whose
 * result is not a usable Host or request target (or whose replacement names a missing capture
 * group) fails the transform, and the load balancer answers 500 (`undefined` here).
 */
export function applyTransforms(transforms: CompiledTransforms | undefined, host: string, url: string): RewrittenRequest | undefined {
  if (!transforms) return { host, url };
  let out: { host: string; url: string; transformedHost?: string; transformedUri?: string } = { host, url };
  if (transforms.host) {
    const rewritten = rewrite(transforms.host, host);
    if (rewritten === FAILED || (rewritten !== undefined && !HOST_VALUE.test(rewritten))) return undefined;
    if (rewritten !== undefined) out = { ...out, host: rewritten, transformedHost: rewritten };
  }
  if (transforms.url) {
    const rewritten = rewrite(transforms.url, url);
    if (rewritten === FAILED || (rewritten !== undefined && !ORIGIN_FORM.test(rewritten))) return undefined;
    if (rewritten !== undefined) out = { ...out, url: rewritten, transformedUri: rewritten };
  }
  return out;
}

const FAILED = Symbol('transform failed');

/** The input with its first match replaced; undefined when the regex does not match. */
function rewrite(r: CompiledRewrite, input: string): string | undefined | typeof FAILED {
  const match = r.regex.exec(input);
  if (!match) return undefined;
  let failed = false;
  const replacement = r.replace.replace(/\$(\d+)/g, (_ref, digits: string) => {
    const group = Number(digits);
    if (group >= match.length) {
      failed = true;
      return '';
    }
    return match[group] ?? '';
  });
  if (failed) return FAILED;
  return input.slice(0, match.index) + replacement + input.slice(match.index + match[0].length);
}
