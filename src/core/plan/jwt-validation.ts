import * as d from '../defaults';
import { isToken, LbkitValidationError } from '../errors';
import * as l from '../limits';
import { compareText, isReference, JwtClaimModel, JwtClaimFormatValue, JwtValidationModel } from '../model/load-balancer-model';
import { JwtClaimFormat } from '../options/enums';
import { JwtClaimOptions, JwtValidationOptions } from '../options/jwt-validation-options';
import { requireOneOf } from '../validation/choices';

/** A value known only at deploy time (a reference) is not checked. */
const unresolved = (value: unknown) => isToken(value) || isReference(value);

/**
 * A route's JWT validation as its model form, checked against AWS's limits (ELB API
 * JwtValidationActionConfig). `option` names where it was set (`routes["api"].validateJwt`).
 */
export function planJwtValidation(path: string, option: string, o: JwtValidationOptions): JwtValidationModel {
  const issuer = requireText(path, `${option}.issuer`, o.issuer, l.JWT_ISSUER_MAX_LENGTH);
  const jwksEndpoint = requireText(path, `${option}.jwksEndpoint`, o.jwksEndpoint, l.JWT_JWKS_ENDPOINT_MAX_LENGTH);
  if (!unresolved(jwksEndpoint) && !isHttpsUrl(jwksEndpoint)) {
    throw new LbkitValidationError(path, `${option}.jwksEndpoint`,
      'must be a full https URL (https://host/path, no credentials or fragment): AWS fetches the keys over HTTPS only', jwksEndpoint);
  }
  const claims = o.additionalClaims ?? [];
  if (!Array.isArray(claims) || claims.length > l.JWT_ADDITIONAL_CLAIMS_MAX) {
    throw new LbkitValidationError(path, `${option}.additionalClaims`, `must hold at most ${l.JWT_ADDITIONAL_CLAIMS_MAX} claims`, claims);
  }
  const additionalClaims = claims.map((c, i) => planClaim(path, `${option}.additionalClaims[${i}]`, c)).sort((a, b) => compareText(a.name, b.name));
  for (let i = 1; i < additionalClaims.length; i++) {
    if (additionalClaims[i].name === additionalClaims[i - 1].name) {
      throw new LbkitValidationError(path, `${option}.additionalClaims`, 'names a claim twice; give all its accepted values in one entry', additionalClaims[i].name);
    }
  }
  return { issuer, jwksEndpoint, ...(additionalClaims.length > 0 ? { additionalClaims } : {}) };
}

function planClaim(path: string, option: string, c: JwtClaimOptions): JwtClaimModel {
  const name = requireText(path, `${option}.name`, c.name);
  if (l.JWT_RESERVED_CLAIMS.includes(name)) {
    throw new LbkitValidationError(path, `${option}.name`, `must not be ${l.JWT_RESERVED_CLAIMS.join(', ')}: AWS validates those on every token`, name);
  }
  const format = requireOneOf(path, `${option}.format`, c.format ?? d.JWT_CLAIM_FORMAT, JwtClaimFormat) as JwtClaimFormatValue;
  const values = c.values;
  if (!Array.isArray(values) || values.length === 0 || values.length > l.JWT_CLAIM_VALUES_MAX) {
    throw new LbkitValidationError(path, `${option}.values`, `must hold 1–${l.JWT_CLAIM_VALUES_MAX} values`, values);
  }
  values.forEach((v, i) => {
    requireText(path, `${option}.values[${i}]`, v, l.JWT_CLAIM_VALUE_MAX_LENGTH);
    if (format === 'space-separated-values' && /\s/.test(v)) {
      throw new LbkitValidationError(path, `${option}.values[${i}]`, 'must not contain spaces: the claim\'s words are compared one by one', v);
    }
  });
  return { format, name, values: [...values] };
}

/** A non-empty string, at most `max` characters when AWS sets a limit. */
function requireText(path: string, option: string, value: unknown, max?: number): string {
  if (typeof value !== 'string' || value.trim() === '' || (max !== undefined && value.length > max)) {
    const limit = max === undefined ? '' : ` of at most ${max} characters`;
    throw new LbkitValidationError(path, option, `must be a non-empty string${limit}`, value);
  }
  return value;
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '' && url.hash === '';
  } catch {
    return false;
  }
}
