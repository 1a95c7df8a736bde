// How each engine spells a neutral (camelCase) key: CloudFormation in PascalCase, the Terraform
// provider in snake_case. Readers state a key once and let the engine's case spell it.

/** `statusCode` → `StatusCode` (CloudFormation). */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `statusCode` → `status_code` (Terraform). */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
