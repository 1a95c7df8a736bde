import { CliError } from './cli-error';
import { AnyLoadBalancerModel, isApplicationModel } from '../core/model/any-load-balancer-model';
import { ProxySignInOptions } from '../proxy/server';

/** The environment variable holding the client secret for `--oidc-issuer` (a secret stays off the command line). */
export const OIDC_CLIENT_SECRET_ENV = 'LBKIT_OIDC_CLIENT_SECRET';

/** The issuers a model's sign-in actions name (OIDC: the issuer; Cognito: the user pool's). */
export function signInIssuers(model: AnyLoadBalancerModel | undefined): string[] {
  if (!model || !isApplicationModel(model)) return [];
  const issuers = new Set<string>();
  for (const l of model.listeners) {
    for (const r of l.rules) {
      const a = r.authenticate;
      if (a) issuers.add(a.type === 'authenticate-oidc' ? a.issuer : `cognito:${a.userPoolArn}`);
    }
  }
  return [...issuers];
}

/**
 * `--user <name|email|claims JSON>` (the local identity provider's signed-in user) and
 * `--oidc-issuer <url>` (the user's own identity provider: the model's endpoints as written,
 * the client secret from $LBKIT_OIDC_CLIENT_SECRET). Both need a sign-in action; they exclude
 * each other, since the user of one's own provider signs in there.
 */
export function signInOptions(user: string | undefined, issuer: string | undefined, model: AnyLoadBalancerModel | undefined,
  env: NodeJS.ProcessEnv = process.env): ProxySignInOptions {
  const issuers = signInIssuers(model);
  const flag = user !== undefined ? '--user' : '--oidc-issuer';
  if ((user !== undefined || issuer !== undefined) && issuers.length === 0) {
    throw new CliError(`${flag}: this load balancer has no sign-in action (authenticate-oidc or authenticate-cognito)`);
  }
  if (user !== undefined && issuer !== undefined) throw new CliError('--user: with --oidc-issuer the user signs in at that identity provider; give one of them');
  if (issuer !== undefined && !issuers.includes(issuer)) {
    throw new CliError(`--oidc-issuer ${issuer}: no sign-in action of this load balancer names that issuer (issuers: ${issuers.join(', ')})`);
  }
  if (user !== undefined && user.trim() === '') throw new CliError('--user: expected a name, an email or a JSON object of claims, received an empty string');
  if (user !== undefined && user.trim().startsWith('{')) {
    try {
      const claims = JSON.parse(user) as { sub?: unknown };
      if (typeof claims.sub !== 'string' || claims.sub === '') throw new Error('no string sub');
    } catch (e) {
      throw new CliError(`--user: '${user}' is not a JSON object of claims with a string sub (${(e as Error).message})`);
    }
  }
  return issuer !== undefined ? { ownIdentityProvider: true, clientSecret: env[OIDC_CLIENT_SECRET_ENV] } : { user };
}
