import { LbkitConfigError } from './errors';
import { objects, SourceDocument, str, strings } from './values';
import { compareText, JwtClaimFormatValue, JwtClaimModel, JwtValidationModel, REFERENCE } from '../core/model/load-balancer-model';

/** The claim formats AWS accepts (JwtValidationActionAdditionalClaim `Format`). */
const CLAIM_FORMATS: readonly JwtClaimFormatValue[] = ['single-string', 'space-separated-values', 'string-array'];

/** How one engine names a JWT validation's fields: `key` the neutral name in its case, `claims` the claim list. */
export interface JwtValidationSpelling {
  readonly key: (name: 'issuer' | 'jwksEndpoint' | 'format' | 'name' | 'values') => string;
  /** CloudFormation `AdditionalClaims`, Terraform `additional_claim` (a repeated block). */
  readonly claims: string;
}

/** A `jwt-validation` action's configuration block in the model, its claims sorted by name as planning sorts them. */
export function readJwtValidation(
  config: Record<string, unknown>, doc: SourceDocument, where: string, spelling: JwtValidationSpelling,
): JwtValidationModel {
  const { key } = spelling;
  const additionalClaims = objects(config[spelling.claims]).map((c): JwtClaimModel => {
    const format = str(doc.scalar(c[key('format')]), '');
    const known = CLAIM_FORMATS.find((f) => f === format);
    if (!known) throw new LbkitConfigError(`${where}: unsupported JWT claim format ${JSON.stringify(format)} (expected ${CLAIM_FORMATS.join(', ')})`);
    return { format: known, name: str(doc.scalar(c[key('name')]), REFERENCE), values: strings(doc, c[key('values')]) };
  }).sort((a, b) => compareText(a.name, b.name));
  return {
    issuer: str(doc.scalar(config[key('issuer')]), REFERENCE),
    jwksEndpoint: str(doc.scalar(config[key('jwksEndpoint')]), REFERENCE),
    ...(additionalClaims.length > 0 ? { additionalClaims } : {}),
  };
}
