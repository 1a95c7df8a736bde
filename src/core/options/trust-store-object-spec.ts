/** What a `TrustStoreObject` names (internal, not exported from the package: the planner reads it). */
export type TrustStoreObjectSpec =
  | { readonly kind: 's3'; readonly bucket: string; readonly key: string; readonly version?: string }
  | { readonly kind: 'file'; readonly path: string };
