import { readFileSync, statSync } from 'fs';
import { JSONWebKeySet } from 'jose';
import { CliError } from './cli-error';
import { JWKS_MAX_BYTES, JWKS_MAX_KEYS } from '../core/limits';
import { AnyLoadBalancerModel } from '../core/model/any-load-balancer-model';
import { jwtIssuers } from '../proxy/http/jwt-validation';

/**
 * `--jwks <issuer>=<file>`, repeatable: the JSON Web Key Set a JWT validation action naming that issuer
 * checks tokens against, held to AWS's limits on what its JWKS endpoint returns (150 KB, 10 keys).
 * The issuer is everything before the last `=` (an issuer URL may hold `=` in its query).
 */
export function jwksFlags(values: readonly string[], model: AnyLoadBalancerModel | undefined): Record<string, JSONWebKeySet> {
  const issuers = jwtIssuers(model);
  const sets: Record<string, JSONWebKeySet> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    if (at <= 0 || at === value.length - 1) throw new CliError(`--jwks ${value}: expected <issuer>=<jwks.json>`);
    const [issuer, file] = [value.slice(0, at), value.slice(at + 1)];
    if (!issuers.includes(issuer)) {
      throw new CliError(`--jwks ${value}: no JWT validation action of this load balancer names the issuer ${issuer}`
        + ` (issuers: ${issuers.length > 0 ? issuers.join(', ') : 'none'})`);
    }
    sets[issuer] = readJwks(value, file);
  }
  return sets;
}

function readJwks(flag: string, file: string): JSONWebKeySet {
  let size: number;
  let text: string;
  try {
    size = statSync(file).size;
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`--jwks ${flag}: cannot read ${file} (${(e as Error).message})`);
  }
  // AWS forwards nothing when the JWKS endpoint's response exceeds these limits: refused here, before serving.
  if (size > JWKS_MAX_BYTES) throw new CliError(`--jwks ${flag}: ${file} is ${size} bytes; AWS accepts a JWKS of at most ${JWKS_MAX_BYTES} bytes (150 KB)`);
  let jwks: unknown;
  try {
    jwks = JSON.parse(text);
  } catch (e) {
    throw new CliError(`--jwks ${flag}: ${file} is not JSON (${(e as Error).message})`);
  }
  const keys = (jwks as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'object' || k === null)) {
    throw new CliError(`--jwks ${flag}: ${file} is not a JSON Web Key Set ({"keys": [...]})`);
  }
  if (keys.length > JWKS_MAX_KEYS) throw new CliError(`--jwks ${flag}: ${file} holds ${keys.length} keys; AWS accepts a JWKS of at most ${JWKS_MAX_KEYS} keys`);
  return jwks as JSONWebKeySet;
}
