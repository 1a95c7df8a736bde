import * as fc from 'fast-check';

/** A JSON value as the readers receive it from JSON.parse. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A place in a JSON document: the keys (object) and indexes (array) from the root. */
export type JsonPath = ReadonlyArray<string | number>;

/** Deepest nesting a mutation builds: far past any template, still cheap to read. */
const DEEP_NESTING = 2_000;
/** Length of a huge string: past every AWS limit on names, paths and values. */
const HUGE_STRING_LENGTH = 100_000;

/** Deepest path a mutation picks: past every synthesized file's depth, short of a nest mutation's. */
const MAX_MUTATED_DEPTH = 40;

/** How many paths the document has (the root apart) down to MAX_MUTATED_DEPTH. */
export function countPaths(value: Json, depth = 0): number {
  if (value === null || typeof value !== 'object' || depth >= MAX_MUTATED_DEPTH) return 0;
  let n = 0;
  for (const child of Object.values(value)) n += 1 + countPaths(child, depth + 1);
  return n;
}

/** The n-th path of the document in depth-first order (0 ≤ n < countPaths), found without listing them all. */
export function nthPath(value: Json, n: number): JsonPath {
  const path: Array<string | number> = [];
  let node: any = value;
  let left = n;
  for (;;) {
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_: unknown, i: number) => i) : Object.keys(node);
    let descended = false;
    for (const k of keys) {
      if (left === 0) return [...path, k];
      left--;
      const size = countPaths(node[k], path.length + 1);
      if (left < size) {
        path.push(k);
        node = node[k];
        descended = true;
        break;
      }
      left -= size;
    }
    if (!descended) throw new Error(`no path ${n}`);
  }
}

export function getAt(root: Json, path: JsonPath): Json {
  return path.reduce<any>((v, k) => v[k], root);
}

/** Sets (or, with `undefined`, removes) the value at a path; arrays lose the element. */
export function setAt(root: Json, path: JsonPath, value: Json | undefined): void {
  const parent = getAt(root, path.slice(0, -1)) as any;
  const key = path[path.length - 1];
  if (value !== undefined) parent[key] = value;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
}

/** Values of every JSON type, weighted to what breaks readers: wrong types, edges, unicode, huge. */
export const strangeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, -0, 1.5, 1e308, -1e308, 2 ** 53 + 1, 65536, 4294967296, '', ' ', '0', '-1', 'NaN',
    'Infinity', '1e400', '443', 'true', 'null', '{}', '[]', '*', '/', '\u0000', '\ud83d\ude00', '\u202e', 'é', [], {}, [[]], [{}], [null]),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant<Json>('x'.repeat(HUGE_STRING_LENGTH)),
  fc.constant<Json>('9'.repeat(400)),
);

/** Intrinsic functions and Terraform tokens broken the ways hand edits and bad tools break them. */
export const brokenIntrinsic: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    { Ref: null }, { Ref: 42 }, { Ref: ['a'] }, { Ref: 'NoSuchResource' }, { Ref: '' }, { Ref: 'AWS::NoValue' }, { Ref: 'AWS::Region' },
    { 'Fn::GetAtt': 'NoDot' }, { 'Fn::GetAtt': [] }, { 'Fn::GetAtt': ['NoSuchResource', 'Arn'] }, { 'Fn::GetAtt': [null, 1] }, { 'Fn::GetAtt': 'A.B.C' },
    { 'Fn::Join': 'x' }, { 'Fn::Join': [] }, { 'Fn::Join': [',', 'not-a-list'] }, { 'Fn::Join': [1, [2, null]] }, { 'Fn::Join': ['', [{ Ref: 'Nope' }]] },
    { 'Fn::Sub': '${Nope}' }, { 'Fn::Select': [99, []] }, { 'Fn::Split': null }, { 'Fn::If': ['c', 1] }, { 'Fn::ImportValue': 'x' },
    { 'Fn::GetAZs': '' }, { 'Ref': 'A', 'Fn::GetAtt': ['A', 'B'] }, { 'Fn::Base64': {} }, { 'Fn::FindInMap': ['M', 'K', 'V'] },
    '${', '${}', '${aws_lb.', '${aws_lb.nope.arn}', '${aws_lb_target_group.nope.arn}', '${aws_lb_listener.x.arn', '${var.x}', '${1 + }',
    '${aws_lb.x.arn}${aws_lb.y.arn}', '$${escaped}', '${jsonencode({})}', '${data.aws_caller_identity.c.account_id}', '${each.value}',
  ),
  fc.string({ maxLength: 12 }).map((s) => `\${${s}}`),
  fc.string({ maxLength: 12 }).map((s): Json => ({ Ref: s })),
  fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]): Json => ({ 'Fn::GetAtt': [a, b] })),
);

/** What one mutation does to the value at its path. */
export type MutationKind =
  | { kind: 'drop' }
  | { kind: 'duplicate' }
  | { kind: 'replace'; value: Json }
  | { kind: 'intrinsic'; value: Json }
  | { kind: 'wrap-in-array' }
  | { kind: 'array-to-object' }
  | { kind: 'object-to-array' }
  | { kind: 'nest'; depth: number }
  | { kind: 'stringify' }
  | { kind: 'rename-key'; key: string };

export const mutationKind: fc.Arbitrary<MutationKind> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<MutationKind>({ kind: 'drop' }) },
  { weight: 2, arbitrary: fc.constant<MutationKind>({ kind: 'duplicate' }) },
  { weight: 4, arbitrary: strangeValue.map((value): MutationKind => ({ kind: 'replace', value })) },
  { weight: 3, arbitrary: brokenIntrinsic.map((value): MutationKind => ({ kind: 'intrinsic', value })) },
  { weight: 1, arbitrary: fc.constant<MutationKind>({ kind: 'wrap-in-array' }) },
  { weight: 1, arbitrary: fc.constant<MutationKind>({ kind: 'array-to-object' }) },
  { weight: 1, arbitrary: fc.constant<MutationKind>({ kind: 'object-to-array' }) },
  { weight: 1, arbitrary: fc.constantFrom(2, 50, DEEP_NESTING).map((depth): MutationKind => ({ kind: 'nest', depth })) },
  { weight: 1, arbitrary: fc.constant<MutationKind>({ kind: 'stringify' }) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.constantFrom('', '__proto__', 'constructor', 'toString', 'Type', 'Properties', 'Ref'), fc.string({ maxLength: 10 }))
      .map((key): MutationKind => ({ kind: 'rename-key', key })),
  },
);

/** One mutation: where (an index into the document's paths, taken modulo their count) and what. */
export interface Mutation {
  readonly at: number;
  readonly what: MutationKind;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), what: mutationKind });

/** Applies a mutation in place to a document (returns the root, which `wrap`/`nest` at the root may replace). */
export function applyMutation(root: Json, m: Mutation): Json {
  const count = countPaths(root);
  if (count === 0) return root;
  const path = nthPath(root, m.at % count);
  const old = getAt(root, path);
  const parent = getAt(root, path.slice(0, -1)) as any;
  const key = path[path.length - 1];
  const copy = (): Json => JSON.parse(JSON.stringify(old));
  switch (m.what.kind) {
    case 'drop': setAt(root, path, undefined); break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, copy());
      else parent[`${String(key)}Copy`] = copy();
      break;
    case 'replace':
    // A copy: the generators share their constants between cases, and later mutations change the document in place.
    case 'intrinsic': setAt(root, path, JSON.parse(JSON.stringify(m.what.value))); break;
    case 'wrap-in-array': setAt(root, path, [copy()]); break;
    case 'array-to-object': if (Array.isArray(old)) setAt(root, path, { ...old }); else setAt(root, path, { value: old }); break;
    case 'object-to-array': if (old !== null && typeof old === 'object' && !Array.isArray(old)) setAt(root, path, Object.values(old)); else setAt(root, path, [old]); break;
    case 'nest': {
      let v: Json = old;
      for (let i = 0; i < m.what.depth; i++) v = i % 2 ? [v] : { 'Fn::Join': ['', [v]] };
      setAt(root, path, v);
      break;
    }
    case 'stringify': setAt(root, path, JSON.stringify(old)); break;
    case 'rename-key':
      if (!Array.isArray(parent)) {
        delete parent[key];
        // defineProperty: a "__proto__" key is an own property, as JSON.parse makes it.
        Object.defineProperty(parent, m.what.key, { value: old, enumerable: true, writable: true, configurable: true });
      }
      break;
  }
  return root;
}

/** Text-level damage, after the structural mutations: cut short, or a byte changed. */
export type TextDamage = { kind: 'none' } | { kind: 'truncate'; at: number } | { kind: 'byte'; at: number; char: string };

export const textDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<TextDamage>({ kind: 'none' }) },
  { weight: 1, arbitrary: fc.nat().map((at): TextDamage => ({ kind: 'truncate', at })) },
  {
    weight: 1,
    arbitrary: fc.record({ at: fc.nat(), char: fc.constantFrom('"', '{', ']', ',', '\\', '\u0000', 'x', '\ufeff') })
      .map(({ at, char }): TextDamage => ({ kind: 'byte', ...{ at, char } })),
  },
);

export function damageText(text: string, d: TextDamage): string {
  if (d.kind === 'none' || text.length === 0) return text;
  const at = d.at % text.length;
  if (d.kind === 'truncate') return text.slice(0, at);
  return text.slice(0, at) + d.char + text.slice(at + 1);
}
