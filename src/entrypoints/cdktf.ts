// Entry point `lbkit/cdktf`: the Terraform engine and the engine-neutral options.
// Loads cdktf and @cdktf/provider-aws only, so a Terraform user need not install aws-cdk-lib.
export * from '../core';
export * from '../cdktf';
