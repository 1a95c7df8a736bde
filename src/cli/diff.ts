import { normalizeModel } from '../core/model/load-balancer-model';
import { readSynthesizedFile } from '../readers';

/** One difference between two values at a path such as `Api.listeners[443].rules[10].action`. */
export interface ModelDifference {
  readonly path: string;
  /** Absent when the path exists only in the second. */
  readonly a?: unknown;
  /** Absent when the path exists only in the first. */
  readonly b?: unknown;
}

/**
 * What two synthesized files describe, keyed for a readable diff: load balancers by name,
 * DNS routing by record name; listeners by port, rules by priority, target groups by name.
 */
export function comparableModels(path: string): Record<string, unknown> {
  const { models, dns } = readSynthesizedFile(path);
  const out: Record<string, unknown> = {};
  for (const m of models) out[m.name] = keyed(normalizeModel(m));
  for (const d of dns) out[`dns ${d.recordName}`] = normalizeModel(d);
  return out;
}

/** Arrays of objects with an identity become objects keyed by it, so an insertion does not shift every later index. */
function keyed(value: unknown): unknown {
  if (Array.isArray(value)) {
    const key = identity(value);
    if (key) return Object.fromEntries(value.map((v) => [String((v as Record<string, unknown>)[key]), keyed(v)]));
    return value.map(keyed);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyed(v)]));
  }
  return value;
}

function identity(items: unknown[]): string | undefined {
  if (items.length === 0 || !items.every((v) => v && typeof v === 'object' && !Array.isArray(v))) return undefined;
  for (const key of ['name', 'priority', 'port']) {
    const values = items.map((v) => (v as Record<string, unknown>)[key]);
    if (values.every((v) => typeof v === 'string' || typeof v === 'number') && new Set(values).size === values.length) return key;
  }
  return undefined;
}

/** Field-level differences, depth first, in key order. */
export function diffValues(a: unknown, b: unknown, path = ''): ModelDifference[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => {
      const p = path ? (/^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`) : k;
      if (!(k in a)) return [{ path: p, b: b[k] }];
      if (!(k in b)) return [{ path: p, a: a[k] }];
      return diffValues(a[k], b[k], p);
    });
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: ModelDifference[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= a.length) out.push({ path: p, b: b[i] });
      else if (i >= b.length) out.push({ path: p, a: a[i] });
      else out.push(...diffValues(a[i], b[i], p));
    }
    return out;
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path, a, b }];
}

const KIND: Record<string, string> = { application: 'application load balancer', network: 'network load balancer', dns: 'DNS routing' };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** `~ path: a → b`, `- path: a` (only in the first), `+ path: b` (only in the second). */
export function formatDifference(d: ModelDifference): string {
  const show = (v: unknown) => (!d.path.includes('.') && isPlainObject(v) && typeof v.kind === 'string' ? `(${KIND[v.kind] ?? v.kind})` : JSON.stringify(v));
  if (!('a' in d)) return `+ ${d.path}: ${show(d.b)}`;
  if (!('b' in d)) return `- ${d.path}: ${show(d.a)}`;
  return `~ ${d.path}: ${show(d.a)} → ${show(d.b)}`;
}

/** The differences between the models two synthesized files describe (empty when they are equal). */
export function diffFiles(a: string, b: string): ModelDifference[] {
  return diffValues(comparableModels(a), comparableModels(b));
}
