// Entry point `lbkit/testing/jest`: declares the lbkit matchers on jest's `expect` for TypeScript.
import '../../testing/jest-matchers';
