import { CognitoAuthenticationOptions, OidcAuthenticationOptions } from './authentication-options';

/** A sign-in as the user stated it, before planning fills defaults and validates it. */
export type AuthenticationSpec =
  | { readonly type: 'oidc'; readonly options: OidcAuthenticationOptions }
  | { readonly type: 'cognito'; readonly options: CognitoAuthenticationOptions };
