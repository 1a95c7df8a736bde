// Entry point `lbkit/testing`: a local load balancer in the test's process, route assertions
// and snapshot normalization, for jest and vitest. Loads aws-cdk-lib, cdktf or cdktn only when given
// a stack of that engine.
export * from '../testing';
