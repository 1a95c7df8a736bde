import { engineOfStack } from '../../src/testing/terraform-engine';

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
