import { LbkitValidationError } from '../errors';
import {
  CONDITION_VALUES_PER_RULE, CONDITION_VALUE_MAX_LENGTH, HEADER_NAME_MAX_LENGTH, METHOD_MAX_LENGTH, WILDCARDS_PER_RULE,
} from '../limits';
import { checkCidrs } from './network';
import { ConditionsModel } from '../model/load-balancer-model';

/** Checks one rule's conditions against ALB's per-rule limits; `option` is e.g. `routes["api"]`. */
export function checkConditions(path: string, option: string, c: ConditionsModel): void {
  const values: string[] = [
    ...(c.hostHeaders ?? []), ...(c.pathPatterns ?? []), ...(c.httpRequestMethods ?? []), ...(c.sourceIps ?? []),
    ...(c.httpHeaders ?? []).flatMap((h) => h.values),
    ...(c.queryStrings ?? []).map((q) => `${q.key ?? ''}=${q.value}`),
  ];
  if (values.length === 0) {
    throw new LbkitValidationError(path, option,
      'needs at least one condition (hosts, paths, methods, headers, queryStrings or sourceIps); use defaultAction for a catch-all', {});
  }
  if (values.length > CONDITION_VALUES_PER_RULE) {
    throw new LbkitValidationError(path, option, `has ${values.length} condition values; ALB allows at most ${CONDITION_VALUES_PER_RULE} per rule`, values);
  }
  const wildcards = values.join('').replace(/[^*?]/g, '').length;
  if (wildcards > WILDCARDS_PER_RULE) {
    throw new LbkitValidationError(path, option, `has ${wildcards} wildcards; ALB allows at most ${WILDCARDS_PER_RULE} per rule`, values);
  }
  const checkLength = (what: string, list: string[] | undefined) => {
    for (const v of list ?? []) {
      if (v.length === 0 || v.length > CONDITION_VALUE_MAX_LENGTH) {
        throw new LbkitValidationError(path, `${option}.${what}`, `values must be 1–${CONDITION_VALUE_MAX_LENGTH} characters`, v);
      }
    }
  };
  checkLength('hosts', c.hostHeaders);
  checkLength('paths', c.pathPatterns);
  for (const p of c.pathPatterns ?? []) {
    if (!p.startsWith('/') && !p.startsWith('*')) {
      throw new LbkitValidationError(path, `${option}.paths`, 'patterns must start with "/" (or a wildcard)', p);
    }
  }
  for (const m of c.httpRequestMethods ?? []) {
    if (!/^[A-Z_-]+$/.test(m) || m.length > METHOD_MAX_LENGTH) {
      throw new LbkitValidationError(path, `${option}.methods`, `must be upper-case A–Z, "-" or "_", at most ${METHOD_MAX_LENGTH} characters`, m);
    }
  }
  for (const h of c.httpHeaders ?? []) {
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(h.name) || h.name.length > HEADER_NAME_MAX_LENGTH) {
      throw new LbkitValidationError(path, `${option}.headers`, `names must be HTTP tokens of at most ${HEADER_NAME_MAX_LENGTH} characters`, h.name);
    }
    if (h.name.toLowerCase() === 'host') {
      throw new LbkitValidationError(path, `${option}.headers`, 'cannot match Host; use hosts', h.name);
    }
    if (h.values.length === 0) throw new LbkitValidationError(path, `${option}.headers`, 'needs at least one value per header', h);
    checkLength('headers', h.values);
  }
  for (const q of c.queryStrings ?? []) {
    checkLength('queryStrings', [q.value]);
    if (q.key !== undefined) checkLength('queryStrings', [q.key]);
  }
  checkCidrs(path, `${option}.sourceIps`, c.sourceIps ?? []);
}
