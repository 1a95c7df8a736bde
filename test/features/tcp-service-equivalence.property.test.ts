import * as fc from 'fast-check';
import { invariantDifferences, threeWayTcp } from '../support/engines';
import { tcpServiceOptionsArb } from '../support/tcp-service-options.arbitrary';

/**
 * Property: for generated valid TcpServiceLoadBalancer options, read(cloudformation) ==
 * read(terraform) == plan, engine ids aside. Fixed seed, so a failure reproduces; the
 * counterexample is printed with the differing model paths. LBKIT_PROPERTY_SEED /
 * LBKIT_PROPERTY_RUNS explore further.
 */
const SEED = Number(process.env.LBKIT_PROPERTY_SEED ?? 20_251_125);
const RUNS = Number(process.env.LBKIT_PROPERTY_RUNS ?? 30);

test('NLB: read(cloudformation) == read(terraform) == plan for generated options', () => {
  fc.assert(
    fc.property(tcpServiceOptionsArb, (options) => {
      const r = threeWayTcp(options);
      const differences = invariantDifferences(r);
      if (differences.length > 0) throw new Error(differences.join('\n'));
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
});
