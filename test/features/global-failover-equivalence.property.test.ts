import * as fc from 'fast-check';
import { invariantDifferences, threeWayGlobal } from '../support/engines';
import { globalFailoverOptionsArb } from '../support/global-failover-options.arbitrary';

/**
 * Property: for generated valid GlobalFailover options, read(cloudformation) ==
 * read(terraform) == plan. Fixed seed, so a failure reproduces; the counterexample is printed
 * with the differing model paths. LBKIT_PROPERTY_SEED / LBKIT_PROPERTY_RUNS explore further.
 */
const SEED = Number(process.env.LBKIT_PROPERTY_SEED ?? 20_251_125);
const RUNS = Number(process.env.LBKIT_PROPERTY_RUNS ?? 30);

test('GlobalFailover: read(cloudformation) == read(terraform) == plan for generated options', () => {
  fc.assert(
    fc.property(globalFailoverOptionsArb, (options) => {
      const r = threeWayGlobal(options);
      const differences = invariantDifferences(r);
      if (differences.length > 0) throw new Error(differences.join('\n'));
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
});
