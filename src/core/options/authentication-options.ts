import { UnauthenticatedRequestBehavior } from './enums';

/**
 * Where the OAuth 2.0 client secret of an OIDC sign-in lives. Only Secrets Manager: the secret
 * never appears in a template or a Terraform file, only a reference the engine resolves at deploy
 * time (CloudFormation: a `{{resolve:secretsmanager:...}}` dynamic reference; Terraform: an
 * `aws_secretsmanager_secret_version` data source).
 */
export class ClientSecret {
  /**
   * A Secrets Manager secret, whole or one field of its JSON.
   * @param secretIdOrArn the secret's name or ARN (a reference such as `secret.secretArn` is fine)
   * @param jsonField the field of the secret's JSON that holds the client secret; omit when the
   *   whole secret string is the client secret
   */
  public static fromSecretsManager(secretIdOrArn: string, jsonField?: string): ClientSecret {
    return new ClientSecret(secretIdOrArn, jsonField);
  }

  /** The secret's name or ARN. */
  public readonly secretId: string;
  /** The JSON field holding the client secret; undefined: the whole secret string. */
  public readonly jsonField?: string;

  private constructor(secretId: string, jsonField?: string) {
    this.secretId = secretId;
    this.jsonField = jsonField;
  }
}

/** Settings both sign-in actions share; each one left out is AWS's default. */
export interface AuthenticationOptions {
  /**
   * Claims requested from the identity provider, space-separated (OIDC needs `openid`).
   * @default 'openid' - AWS's default: the identity token and the `sub` claim
   */
  readonly scope?: string;
  /**
   * Name of the session cookie (AWS adds `-0`, `-1`... when it splits a large one).
   * @default 'AWSELBAuthSessionCookie' - AWS's default
   */
  readonly sessionCookieName?: string;
  /**
   * How long a sign-in lasts, 1–604800 s.
   * @default 604800 - AWS's default (7 days)
   */
  readonly sessionTimeoutSeconds?: number;
  /**
   * What happens to a request without a valid session.
   * @default UnauthenticatedRequestBehavior.AUTHENTICATE - AWS's default: send the client to sign in
   */
  readonly onUnauthenticatedRequest?: UnauthenticatedRequestBehavior;
  /**
   * Extra query parameters (at most 10) of the redirect to the authorization endpoint, such as
   * `prompt` or `login_hint`.
   * @default - none
   */
  readonly authenticationRequestExtraParams?: { [name: string]: string };
}

/** Sign-in with an OpenID Connect identity provider. */
export interface OidcAuthenticationOptions extends AuthenticationOptions {
  /** The provider's issuer identifier: a full https URL (scheme, host and path). */
  readonly issuer: string;
  /** The authorization endpoint: a full https URL. */
  readonly authorizationEndpoint: string;
  /** The token endpoint: a full https URL. */
  readonly tokenEndpoint: string;
  /** The user info endpoint: a full https URL. */
  readonly userInfoEndpoint: string;
  /** The OAuth 2.0 client identifier. */
  readonly clientId: string;
  /** The OAuth 2.0 client secret, from Secrets Manager (never a literal in the output). */
  readonly clientSecret: ClientSecret;
}

/** Sign-in with an Amazon Cognito user pool. */
export interface CognitoAuthenticationOptions extends AuthenticationOptions {
  /** ARN of the user pool (`arn:aws:cognito-idp:<region>:<account>:userpool/<region>_<id>`). */
  readonly userPoolArn: string;
  /** Id of the user pool's app client (it needs a client secret and the load balancer's callback URL). */
  readonly userPoolClientId: string;
  /** The user pool's domain: its prefix or its custom domain name. */
  readonly userPoolDomain: string;
}
