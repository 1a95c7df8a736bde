import { IdentityProviderEndpoints } from './local-identity-provider';
import { AuthenticateActionModel } from '../../core/model/load-balancer-model';

/** Where a sign-in action sends the browser and the load balancer, and what x-amzn-oidc-data says of it. */
export interface ActionEndpoints extends IdentityProviderEndpoints {
  /** The issuer AWS writes in x-amzn-oidc-data: the action's, as the application sees it once deployed. */
  readonly dataIssuer: string;
  readonly clientId: string;
}

/** `arn:aws:cognito-idp:<region>:<account>:userpool/<id>` → region and pool id (`local` and the ARN when it is no such ARN). */
function userPool(arn: string): { region: string; id: string } {
  const m = /^arn:[^:]+:cognito-idp:([^:]+):[^:]*:userpool\/(.+)$/.exec(arn);
  return m ? { region: m[1], id: m[2] } : { region: 'local', id: arn };
}

/**
 * The action's endpoints as AWS uses them: an OIDC action's as written; a Cognito action's
 * derived from its user pool domain (a prefix: `https://<prefix>.auth.<region>.amazoncognito.com`,
 * or a custom domain) — or, when the local identity provider runs, the local provider's, with
 * the data issuer still the action's.
 */
export function actionEndpoints(action: AuthenticateActionModel, local: IdentityProviderEndpoints | undefined): ActionEndpoints {
  let own: IdentityProviderEndpoints & { dataIssuer: string; clientId: string };
  if (action.type === 'authenticate-oidc') {
    own = {
      issuer: action.issuer,
      dataIssuer: action.issuer,
      authorizationEndpoint: action.authorizationEndpoint,
      tokenEndpoint: action.tokenEndpoint,
      userInfoEndpoint: action.userInfoEndpoint,
      clientId: action.clientId,
    };
  } else {
    const pool = userPool(action.userPoolArn);
    const domain = action.userPoolDomain.includes('.') ? action.userPoolDomain : `${action.userPoolDomain}.auth.${pool.region}.amazoncognito.com`;
    own = {
      issuer: `https://cognito-idp.${pool.region}.amazonaws.com/${pool.id}`,
      dataIssuer: `https://cognito-idp.${pool.region}.amazonaws.com/${pool.id}`,
      authorizationEndpoint: `https://${domain}/oauth2/authorize`,
      tokenEndpoint: `https://${domain}/oauth2/token`,
      userInfoEndpoint: `https://${domain}/oauth2/userInfo`,
      clientId: action.userPoolClientId,
    };
  }
  return local ? { ...own, ...pick(local) } : own;
}

function pick(e: IdentityProviderEndpoints): IdentityProviderEndpoints {
  return { issuer: e.issuer, authorizationEndpoint: e.authorizationEndpoint, tokenEndpoint: e.tokenEndpoint, userInfoEndpoint: e.userInfoEndpoint };
}
