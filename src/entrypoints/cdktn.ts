// Entry point `lbkit/cdktn`: the CDK Terrain engine and the engine-neutral options.
// Loads cdktn and @cdktn/provider-aws only, so a cdktn user need not install cdktf or aws-cdk-lib.
export * from '../core';
export * from '../cdktn';
