import { libIsFresh } from './support/compiled';
import { enginesLoadedBy } from './support/engines-loaded';
import { startNow } from './support/start-now';

// A CloudFormation user need not install cdktf or cdktn, nor a Terraform user aws-cdk-lib or the other
// Terraform engine: each engine's entry point must load only its own engine. From lib/ when it is built from the
// current sources (what the package ships; plain node), else from src/ with ts-node.
const modulesLoadedBy = (entry: string) => {
  const [dir, tsNode] = libIsFresh() ? ['lib', false] : ['src', true];
  return enginesLoadedBy(`require(${JSON.stringify(`./${dir}/entrypoints/${entry}`)});`, { tsNode });
};

// Each in a process of its own, all started at once; each test awaits its own.
const loaded = {
  awsCdk: startNow(() => modulesLoadedBy('aws-cdk')),
  cdktf: startNow(() => modulesLoadedBy('cdktf')),
  cdktn: startNow(() => modulesLoadedBy('cdktn')),
  core: startNow(() => modulesLoadedBy('core')),
};

test('lbkit/aws-cdk loads aws-cdk-lib and neither cdktf nor cdktn', async () => {
  expect(await loaded.awsCdk).toEqual(['aws-cdk-lib']);
});

test('lbkit/cdktf loads cdktf and the provider, not aws-cdk-lib nor cdktn', async () => {
  expect(await loaded.cdktf).toEqual(['@cdktf/provider-aws', 'cdktf']);
});

test('lbkit/cdktn loads cdktn and its provider, not aws-cdk-lib nor cdktf', async () => {
  expect(await loaded.cdktn).toEqual(['@cdktn/provider-aws', 'cdktn']);
});

test('lbkit/core loads no engine', async () => {
  expect(await loaded.core).toEqual([]);
});
