import { LbkitConfigError } from './errors';
import { ValueRef } from './parts';
import { PORT_MAX, PORT_MIN } from '../core/limits';
import { REFERENCE } from '../core/model/load-balancer-model';

/** A parsed synthesized output: how values and references of one engine read. */
export interface SourceDocument {
  /** What a value is: a link to a resource of the same output, a literal, or REFERENCE. */
  ref(raw: unknown): ValueRef;
  /** A leaf value: the literal as written (string, number, boolean), or REFERENCE for a reference. */
  scalar(raw: unknown): unknown;
}

/** A JSON object (not an array), or undefined. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any JSON value as a list: undefined → [], one object (a Terraform single block) → [object]. */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A Terraform block written as an object or as a list of one object. */
export function block(value: unknown): Record<string, unknown> | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return isObject(first) ? first : undefined;
}

/** A list of objects (blocks, or CloudFormation property lists), other entries dropped. */
export function objects(value: unknown): Record<string, unknown>[] {
  return list(value).filter(isObject);
}

/** A CloudFormation `[{ Key, Value }]` property (attributes, tags); anything else is refused, never read as empty. */
export function keyValues(value: unknown, where: string): Array<{ Key: string; Value: unknown }> {
  if (value === undefined) return [];
  const entries = Array.isArray(value) ? value : undefined;
  const bad = entries === undefined ? value : entries.find((e) => !isObject(e) || typeof e.Key !== 'string');
  if (entries === undefined || bad !== undefined) {
    throw new LbkitConfigError(`${where}: expected a list of { "Key": ..., "Value": ... }, got ${JSON.stringify(bad)}`);
  }
  return entries as Array<{ Key: string; Value: unknown }>;
}

export function num(value: unknown, fallback: number, where: string): number;
export function num(value: unknown, fallback: number | undefined, where: string): number | undefined;
/** A number written as a number or a numeric string; REFERENCE stays REFERENCE. */
export function num(value: unknown, fallback: number | undefined, where: string): number | undefined {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === REFERENCE) return REFERENCE as unknown as number;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // A numeric string too long for a double reads as Infinity: refused like any other non-number.
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) && Number.isFinite(Number(value))) return Number(value);
  throw new LbkitConfigError(`${where}: expected a number, got ${JSON.stringify(value)}`);
}

/** A listener's port: an integer in AWS's range (PORT_MIN to PORT_MAX), REFERENCE, or the fallback when absent. */
export function listenerPort(value: unknown, fallback: number, where: string): number {
  const port = num(value, fallback, where);
  if ((port as unknown) === REFERENCE || (Number.isInteger(port) && port >= PORT_MIN && port <= PORT_MAX)) return port;
  throw new LbkitConfigError(`${where}: expected a port from ${PORT_MIN} to ${PORT_MAX}, got ${JSON.stringify(value)}`);
}

/** A boolean written as a boolean or "true"/"false"; REFERENCE stays REFERENCE. */
export function bool(value: unknown, fallback: boolean, where: string): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === REFERENCE) return REFERENCE as unknown as boolean;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new LbkitConfigError(`${where}: expected true or false, got ${JSON.stringify(value)}`);
}

export function str(value: unknown, fallback: string): string;
export function str(value: unknown, fallback?: string): string | undefined;
/**
 * A string; numbers and booleans as written; absent → fallback. An empty string is kept:
 * it is a value (a redirect's empty query drops the query; an empty body is a body).
 */
export function str(value: unknown, fallback?: string): string | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return REFERENCE;
}

/** Each entry of a list as a string (references as REFERENCE). */
export function strings(doc: SourceDocument, value: unknown): string[] {
  return list(value).map((v) => str(doc.scalar(v), ''));
}

/** Reads a value as REFERENCE unless it is a literal. */
export function literalOrReference(doc: SourceDocument, raw: unknown): string {
  return doc.ref(raw).value;
}
