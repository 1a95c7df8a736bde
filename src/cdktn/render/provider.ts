// GENERATED from src/cdktf/render/provider.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { TerraformProvider, TerraformResource } from 'cdktn';
import { IConstruct } from 'constructs';

/**
 * Creates every resource under `scope` with `provider` (an aliased provider for another region):
 * each `TerraformResource` that names no provider of its own gets it. Without a provider nothing
 * changes, so the output is the same as before the option existed.
 */
export function useProvider(scope: IConstruct, provider: TerraformProvider | undefined): void {
  if (provider === undefined) return;
  for (const child of scope.node.findAll()) {
    if (TerraformResource.isTerraformResource(child) && child.provider === undefined) child.provider = provider;
  }
}
