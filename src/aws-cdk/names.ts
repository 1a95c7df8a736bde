/** A construct id part from a domain or route name: `api.example.com` → `api-example-com`, `*.x` → `wildcard-x`. */
export function logicalName(value: string): string {
  return value.replace(/\*/g, 'wildcard').replace(/[^A-Za-z0-9-]/g, '-');
}

/** A DNS name as CloudFormation record sets take it: fully qualified, with the trailing dot. */
export function absoluteName(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}
