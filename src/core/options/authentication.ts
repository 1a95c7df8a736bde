import { CognitoAuthenticationOptions, OidcAuthenticationOptions } from './authentication-options';
import { AuthenticationSpec } from './authentication-spec';

/**
 * The sign-in a route requires before its action: an `authenticate-oidc` or `authenticate-cognito`
 * action, run first on the route's listener rule (HTTPS listener only). A closed set of factories;
 * the result is engine-neutral and only the renderers turn it into CloudFormation or Terraform.
 */
export class Authentication {
  /** Sign in with an OpenID Connect identity provider. */
  public static oidc(options: OidcAuthenticationOptions): Authentication {
    return new Authentication({ type: 'oidc', options });
  }

  /** Sign in with an Amazon Cognito user pool. */
  public static cognito(options: CognitoAuthenticationOptions): Authentication {
    return new Authentication({ type: 'cognito', options });
  }

  /** @internal */
  public readonly _spec: AuthenticationSpec;

  private constructor(spec: AuthenticationSpec) {
    this._spec = spec;
  }
}
