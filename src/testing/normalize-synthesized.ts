import { basename } from 'path';
import { detectEngine, isObject } from './read-model';

/** Placeholders for values that change between machines or dependency versions but not with your code. */
export const PLACEHOLDERS = {
  /** cdktf's local backend path (absolute: the working directory); the state file's name is kept after it. */
  localBackendDir: '<local-backend-dir>',
  /** `//.metadata.version`: the cdktf version. */
  cdktfVersion: '<cdktf-version>',
  /** `terraform.required_providers.<name>.version`. */
  providerVersion: '<provider-version>',
  /** A 64-hex CDK asset hash (S3 keys `<hash>.zip`/`.json`, `aws:asset:path`, image tags). */
  assetHash: '<asset-hash>',
  /** The `BootstrapVersion` parameter and the `CheckBootstrapVersion` rule (they follow the CDK version). */
  bootstrapVersion: '<cdk-bootstrap-version>',
  /** The `CDKMetadata` resource's `Analytics` (the versions of the modules in the app). */
  cdkAnalytics: '<cdk-analytics>',
} as const;

const ASSET_HASH = /\b[0-9a-f]{64}\b/g;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function mapStrings(value: Json, fn: (s: string) => string): Json {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

function normalizeCloudFormation(template: { [key: string]: Json }): { [key: string]: Json } {
  const out = mapStrings(template, (s) => s.replace(ASSET_HASH, PLACEHOLDERS.assetHash)) as { [key: string]: Json };
  if (isObject(out.Parameters) && 'BootstrapVersion' in out.Parameters) out.Parameters.BootstrapVersion = PLACEHOLDERS.bootstrapVersion;
  if (isObject(out.Rules) && 'CheckBootstrapVersion' in out.Rules) out.Rules.CheckBootstrapVersion = PLACEHOLDERS.bootstrapVersion;
  if (isObject(out.Resources)) {
    for (const resource of Object.values(out.Resources)) {
      if (isObject(resource) && resource.Type === 'AWS::CDK::Metadata' && isObject(resource.Properties) && 'Analytics' in resource.Properties) {
        resource.Properties.Analytics = PLACEHOLDERS.cdkAnalytics;
      }
    }
  }
  return out;
}

function normalizeTerraform(config: { [key: string]: Json }): { [key: string]: Json } {
  const out = JSON.parse(JSON.stringify(config)) as { [key: string]: Json };
  const terraform = out.terraform;
  if (isObject(terraform)) {
    const local = isObject(terraform.backend) ? terraform.backend.local : undefined;
    if (isObject(local) && typeof local.path === 'string' && !local.path.startsWith(PLACEHOLDERS.localBackendDir)) {
      local.path = `${PLACEHOLDERS.localBackendDir}/${basename(local.path)}`;
    }
    if (isObject(terraform.required_providers)) {
      for (const provider of Object.values(terraform.required_providers)) {
        if (isObject(provider) && typeof provider.version === 'string') provider.version = PLACEHOLDERS.providerVersion;
      }
    }
  }
  const meta = out['//'];
  if (isObject(meta) && isObject(meta.metadata) && typeof meta.metadata.version === 'string') meta.metadata.version = PLACEHOLDERS.cdktfVersion;
  return out;
}

function normalizeParsed(output: object): object {
  const engine = detectEngine(output);
  if (engine === 'cloudformation') return normalizeCloudFormation(output as { [key: string]: Json });
  if (engine === 'terraform') return normalizeTerraform(output as { [key: string]: Json });
  return output;
}

/**
 * Synthesized output with its machine- and version-dependent values replaced by
 * {@link PLACEHOLDERS}, so two checkouts and a dependency bump give the same snapshot.
 * Terraform JSON: the local backend's absolute path, the cdktf version in `//`, provider
 * versions. CloudFormation: asset hashes, BootstrapVersion, CDKMetadata analytics. Anything
 * else is returned unchanged. The input is not modified; a JSON string comes back as JSON text.
 */
export function normalizeSynthesized<T extends object | string>(output: T): T {
  if (typeof output === 'string') {
    const parsed = JSON.parse(output);
    return (detectEngine(parsed) ? JSON.stringify(normalizeParsed(parsed), undefined, 2) : output) as T;
  }
  return normalizeParsed(output) as T;
}

/** Cheap first look: text that could be synthesized JSON. */
function looksLikeSynthesizedText(s: string): boolean {
  return s.length > 2 && /^\s*\{/.test(s) && /"(Resources|resource|terraform)"\s*:/.test(s);
}

function normalizedOrUndefined(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!looksLikeSynthesizedText(value)) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
    if (!detectEngine(parsed)) return undefined;
    const normalized = normalizeParsed(parsed as object);
    return JSON.stringify(normalized) === JSON.stringify(parsed) ? undefined : JSON.stringify(normalized, undefined, 2);
  }
  if (isObject(value) && detectEngine(value)) {
    const normalized = normalizeParsed(value);
    return JSON.stringify(normalized) === JSON.stringify(value) ? undefined : normalized;
  }
  return undefined;
}

/**
 * A jest (or vitest) snapshot serializer that prints synthesized output — a template or
 * cdk.tf.json, parsed or as text such as cdktf's `Testing.synth` — through
 * {@link normalizeSynthesized}: `expect.addSnapshotSerializer(lbkitSnapshotSerializer)` or
 * `snapshotSerializers` in the jest config.
 */
export const lbkitSnapshotSerializer = {
  /** True for synthesized output that still holds a volatile value (normalized output prints as usual). */
  test(value: unknown): boolean {
    return normalizedOrUndefined(value) !== undefined;
  },
  /** Prints the normalized output with the framework's own printer (`serialize`). */
  print(value: unknown, serialize: (value: unknown) => string): string {
    return serialize(normalizedOrUndefined(value) ?? value);
  },
};
