import { isObject } from './values';

/**
 * A property of the output, or a key of one of its attribute lists, that no lbkit reader reads:
 * an escape-hatch override (`addPropertyOverride`, `addOverride`) of something lbkit does not
 * model. The readers ignore it and report it here, once per resource and property; they never
 * print it themselves (`lbkit serve` prints one line each, lbkit/testing hands them over as data).
 */
export interface UnmodeledProperty {
  /** The resource: a CloudFormation logical id or a Terraform `type.name`. */
  readonly resource: string;
  /** Its CloudFormation or Terraform type. */
  readonly resourceType: string;
  /** The property (`Foo`, `preserve_host_header`), or an attribute key as `LoadBalancerAttributes[routing.http.preserve_host_header.enabled]`. */
  readonly property: string;
}

/** One line for a person: which resource, which property, and that it changes nothing lbkit reads. */
export function unmodeledMessage(u: UnmodeledProperty): string {
  return `${u.resource} (${u.resourceType}): ${u.property} is not modeled by lbkit; ignored (the local proxy does not emulate it)`;
}

/**
 * A view of a resource's properties that remembers which ones a reader looked at. What a reader
 * reads is what lbkit models, so the list of modeled properties cannot drift from the readers.
 * A reader that enumerates the properties counts as reading all of them (no false warnings).
 */
export function watchReads(properties: Record<string, unknown>): { view: Record<string, unknown>; unread: () => string[] } {
  const read = new Set<string>();
  let enumerated = false;
  const view = new Proxy(properties, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
  return { view, unread: () => (enumerated ? [] : Object.keys(properties).filter((k) => !read.has(k))) };
}

/** How one engine's output says what is unmodeled: where properties live, and what is never a model's. */
export interface UnmodeledFormat {
  /** The resource body with its properties replaced (CloudFormation: `Properties`; Terraform: the body itself). */
  readonly withProperties: (body: Record<string, unknown>, properties: Record<string, unknown>) => Record<string, unknown>;
  /** The resource's properties (undefined when it has none). */
  readonly propertiesOf: (body: Record<string, unknown>) => Record<string, unknown> | undefined;
  /**
   * Properties lbkit writes without modeling them (descriptions, the VPC, validation, tags,
   * engine meta-arguments), by resource type; `*` for every type.
   */
  readonly notModel: Readonly<Record<string, readonly string[]>>;
  /** Key/value attribute lists: property → the keys lbkit reads; any other key is unmodeled. */
  readonly attributeLists: Readonly<Record<string, ReadonlySet<string>>>;
  /** The key and value fields of an attribute-list entry (`Key`/`Value`, `key`/`value`). */
  readonly attributeKey: string;
}

/**
 * Reads one resource through `read`, handing it a watched view of the properties, and returns
 * what it produced with the properties and attribute keys it did not read.
 */
export function readWatched<T>(
  format: UnmodeledFormat, resource: { key: string; type: string; body: Record<string, unknown> }, read: (body: Record<string, unknown>) => T,
): { result: T; unmodeled: UnmodeledProperty[] } {
  const properties = format.propertiesOf(resource.body);
  if (!properties) return { result: read(resource.body), unmodeled: [] };
  const watched = watchReads(properties);
  const result = read(format.withProperties(resource.body, watched.view));
  // A resource its reader leaves out (not lbkit's: an alarm on another metric) is ignored whole.
  if (Array.isArray(result) && result.length === 0) return { result, unmodeled: [] };
  const at = (property: string): UnmodeledProperty => ({ resource: resource.key, resourceType: resource.type, property });
  const notModel = new Set([...format.notModel['*'] ?? [], ...format.notModel[resource.type] ?? []]);
  const unmodeled = watched.unread().filter((p) => !notModel.has(p)).map(at);
  for (const [property, known] of Object.entries(format.attributeLists)) {
    const entries = properties[property];
    if (!Array.isArray(entries)) continue;
    const keys = entries.map((e) => (isObject(e) ? e[format.attributeKey] : undefined)).filter((k): k is string => typeof k === 'string');
    for (const key of new Set(keys)) if (!known.has(key)) unmodeled.push(at(`${property}[${key}]`));
  }
  return { result, unmodeled };
}
