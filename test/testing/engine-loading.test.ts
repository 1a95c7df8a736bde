import { engineOfStack } from '../../src/testing/terraform-engine';
import { libIsFresh } from '../support/compiled';
import { enginesLoadedBy } from '../support/engines-loaded';
import { startNow } from '../support/start-now';

// A user who installed one engine can use the kit: lbkit/testing loads an engine only when given its stack.
// Each case in a node process of its own, all started at once; each test awaits its own. The examples
// are TypeScript (ts-node); lbkit/testing and lbkit/cdktn alone come from lib/ when that is built from the current sources.
const [built, tsNode] = libIsFresh() ? ['lib', false] : ['src', true];
const CDKTF = ['cdktf', '@cdktf/provider-aws'];
const CDKTN = ['cdktn', '@cdktn/provider-aws'];
const NO_ENGINE = 'TestingKitError: terraform stack web-api: synthesizing a TerraformStack needs the engine that built it, '
  + 'cdktn or cdktf, installed beside lbkit; neither cdktn nor cdktf could be loaded';

/** Route assertions on the stack of the web-api example on cdktf, through lbkit/testing (ts-node). */
const cdktfRoute = `
    const { routeFor } = require('./src/entrypoints/testing');
    const { createApp } = require('./examples/web-api-cdktf/main');
    const dir = require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'lbkit-testing-'));
    const stack = createApp(require('path').join(dir, 'out')).node.findChild('web-api');
    if (routeFor(stack, 'https://api.example.com/v1/x').route !== 'api-v1') throw new Error('wrong route');
    require('fs').rmSync(dir, { recursive: true });
  `;

/**
 * Route assertions on a small lbkit/cdktn stack, as a cdktn user writes it: plain JavaScript on lbkit's
 * entry points (from lib/ when fresh, so no ts-node: the examples' TypeScript costs a process many seconds).
 */
const cdktnRoute = `
    const { App, TerraformStack } = require('cdktn');
    const { AwsProvider } = require('@cdktn/provider-aws/lib/provider');
    const { WebApiLoadBalancer } = require('./${built}/entrypoints/cdktn');
    const { routeFor } = require('./${built}/entrypoints/testing');
    const dir = require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'lbkit-testing-'));
    const stack = new TerraformStack(new App({ outdir: dir }), 'web-api');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new WebApiLoadBalancer(stack, 'Api', {
      vpcId: 'vpc-0123456789abcdef0', vpcCidrBlock: '10.0.0.0/16', subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
      certificateArns: ['arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555'],
      routes: [{ name: 'api-v1', paths: ['/v1/*'], port: 8080 }],
    });
    if (routeFor(stack, 'https://api.example.com/v1/x').route !== 'api-v1') throw new Error('wrong route');
    // The kit synthesized it with cdktn because it knew the stack for cdktn's (not by falling back).
    const owner = require('./${built}/testing/terraform-engine').engineOfStack(stack);
    if (owner !== 'cdktn') throw new Error('the stack was taken for ' + owner + "'s");
    require('fs').rmSync(dir, { recursive: true });
  `;

const loaded = {
  testing: startNow(() => enginesLoadedBy(`require('./${built}/entrypoints/testing'); require('./${built}/entrypoints/testing/jest');`, { tsNode })),
  terraformStack: startNow(() => enginesLoadedBy(cdktfRoute, { tsNode: true })),
  // A project with cdktn only: lbkit/cdktn and lbkit/testing need nothing else. (With cdktf installed too,
  // the kit would take the same path: it knows a cdktn stack, checked in the script, and loads cdktn first.)
  cdktnOnly: startNow(() => enginesLoadedBy(cdktnRoute, { tsNode, uninstalled: [...CDKTF, 'aws-cdk-lib'] })),
  // No Terraform engine at all, given something shaped like a TerraformStack: the kit says what to install.
  noTerraformEngine: startNow(() => enginesLoadedBy(`
    const { synthesize } = require('./${built}/entrypoints/testing');
    const stack = { node: { id: 'web-api' }, toTerraform() { return {}; }, prepareStack() {} };
    let message;
    try { synthesize(stack); } catch (e) { message = e.name + ': ' + e.message; }
    if (message !== ${JSON.stringify(NO_ENGINE)}) throw new Error('unexpected: ' + message);
  `, { tsNode, uninstalled: [...CDKTF, ...CDKTN, 'aws-cdk-lib'] })),
  cdkStack: startNow(() => enginesLoadedBy(`
    const { routeFor } = require('./src/entrypoints/testing');
    const { createApp } = require('./examples/web-api-cdk/app');
    if (routeFor(createApp().node.findChild('WebApiStack'), 'https://api.example.com/v1/x').route !== 'api-v1') throw new Error('wrong route');
  `, { tsNode: true })),
};

test('lbkit/testing loads no engine', async () => {
  expect(await loaded.testing).toEqual([]);
});

test('route assertions on a cdktf TerraformStack load cdktf, not cdktn nor aws-cdk-lib', async () => {
  expect(await loaded.terraformStack).toEqual(['@cdktf/provider-aws', 'cdktf']);
});

test('a project with only cdktn installed (no cdktf, no aws-cdk-lib) uses lbkit/cdktn and lbkit/testing, and the kit knows its stack for cdktn\'s', async () => {
  expect(await loaded.cdktnOnly).toEqual(['@cdktn/provider-aws', 'cdktn']);
});

test('a TerraformStack with neither cdktn nor cdktf installed: an error that says what to install', async () => {
  expect(await loaded.noTerraformEngine).toEqual([]);
});

test('route assertions on a CDK Stack load aws-cdk-lib, not cdktf', async () => {
  expect(await loaded.cdkStack).toEqual(['aws-cdk-lib']);
});

// Which engine built a TerraformStack, told by jsii's type info on its classes without loading anything.

const JSII_RTTI = Symbol.for('jsii.rtti');
/** A class as jsii compiles it: its fully qualified name on the constructor. */
const jsiiClass = (fqn: string) => class { static readonly [JSII_RTTI] = { fqn, version: '0.0.0' }; };

test.each([
  ['cdktn.TerraformStack', 'cdktn'],
  ['cdktf.TerraformStack', 'cdktf'],
])('a stack extending %s is %s\'s, also through a user\'s subclass and a jsii library\'s', (fqn, engine) => {
  const Stack = jsiiClass(fqn);
  class UserStack extends Stack {}
  class LibraryStack extends Stack { static readonly [JSII_RTTI] = { fqn: 'some-lib.LibraryStack', version: '1.0.0' }; }
  expect(engineOfStack(new Stack())).toBe(engine);
  expect(engineOfStack(new UserStack())).toBe(engine);
  expect(engineOfStack(new LibraryStack())).toBe(engine);
});

test('a stack of neither (no jsii type info, or another library\'s TerraformStack) is unknown', () => {
  expect(engineOfStack({ toTerraform: () => ({}), prepareStack: () => undefined })).toBeUndefined();
  expect(engineOfStack(new (jsiiClass('cdktfx.TerraformStack'))())).toBeUndefined();
  expect(engineOfStack(Object.create(null))).toBeUndefined();
});
