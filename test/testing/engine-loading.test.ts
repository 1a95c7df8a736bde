import { libIsFresh } from '../support/compiled';
import { enginesLoadedBy } from '../support/engines-loaded';
import { startNow } from '../support/start-now';

// A user who installed one engine can use the kit: lbkit/testing loads an engine only when given its stack.
// Each case in a node process of its own, all started at once; each test awaits its own. The examples
// are TypeScript (ts-node); lbkit/testing alone comes from lib/ when that is built from the current sources.
const [built, tsNode] = libIsFresh() ? ['lib', false] : ['src', true];
const loaded = {
  testing: startNow(() => enginesLoadedBy(`require('./${built}/entrypoints/testing'); require('./${built}/entrypoints/testing/jest');`, { tsNode })),
  terraformStack: startNow(() => enginesLoadedBy(`
    const { routeFor } = require('./src/entrypoints/testing');
    const { createApp } = require('./examples/web-api-cdktf/main');
    const dir = require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'lbkit-testing-'));
    const stack = createApp(require('path').join(dir, 'out')).node.findChild('web-api');
    if (routeFor(stack, 'https://api.example.com/v1/x').route !== 'api-v1') throw new Error('wrong route');
    require('fs').rmSync(dir, { recursive: true });
  `, { tsNode: true })),
  cdkStack: startNow(() => enginesLoadedBy(`
    const { routeFor } = require('./src/entrypoints/testing');
    const { createApp } = require('./examples/web-api-cdk/app');
    if (routeFor(createApp().node.findChild('WebApiStack'), 'https://api.example.com/v1/x').route !== 'api-v1') throw new Error('wrong route');
  `, { tsNode: true })),
};

test('lbkit/testing loads no engine', async () => {
  expect(await loaded.testing).toEqual([]);
});

test('route assertions on a TerraformStack load cdktf, not aws-cdk-lib', async () => {
  expect(await loaded.terraformStack).toEqual(['@cdktf/provider-aws', 'cdktf']);
});

test('route assertions on a CDK Stack load aws-cdk-lib, not cdktf', async () => {
  expect(await loaded.cdkStack).toEqual(['aws-cdk-lib']);
});
