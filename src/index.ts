// The jsii entry point. Engine-neutral options at the top level; each engine as a submodule
// (jsii needs every public type reachable from here). TypeScript users import from
// `lbkit/aws-cdk`, `lbkit/cdktf` or `lbkit/cdktn` instead, which load one engine only.
export * from './core';
export * as aws_cdk from './aws-cdk';
export * as cdktf from './cdktf';
export * as cdktn from './cdktn';
