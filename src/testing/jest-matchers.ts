import type { LbkitMatchers } from './matchers';

// The lbkit matchers on jest's `expect` (after `expect.extend(lbkitMatchers)`), for TypeScript:
// `import 'lbkit/testing/jest'` once, e.g. in the test file or a setup file. Types only.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> extends LbkitMatchers<R> {}
  }
}

export {};
