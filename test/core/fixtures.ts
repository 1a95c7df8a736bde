import { LbkitValidationError } from '../../src/core/errors';
import { WebApiEngineFacts } from '../../src/core/plan/engine-facts';

/** Engine facts as a renderer would pass them for a two-AZ VPC with one imported certificate. */
export const FACTS: WebApiEngineFacts = {
  path: 'Stack/Api',
  name: 'Api',
  importedCertificateArns: ['arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555'],
  hasHostedZone: true,
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
  targetCidr: '10.0.0.0/16',
};

/** The LbkitValidationError `fn` throws (planning bad options); anything else thrown, or nothing, fails the test. */
export function validationErrorOf(fn: () => unknown): LbkitValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LbkitValidationError) return e;
    throw e;
  }
  throw new Error('expected an LbkitValidationError');
}
