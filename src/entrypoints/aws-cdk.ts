// Entry point `lbkit/aws-cdk`: the CloudFormation engine and the engine-neutral options.
// Loads aws-cdk-lib only, so a CloudFormation user need not install cdktf.
export * from '../core';
export * from '../aws-cdk';
