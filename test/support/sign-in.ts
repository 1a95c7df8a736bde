import { ClientSecret, CognitoAuthenticationOptions, OidcAuthenticationOptions } from '../../src/core/options/authentication-options';

/** An OIDC sign-in with AWS's defaults for everything but what it must name (the secret's field by reference). */
export const OIDC: OidcAuthenticationOptions = {
  issuer: 'https://idp.example.com',
  authorizationEndpoint: 'https://idp.example.com/authorize',
  tokenEndpoint: 'https://idp.example.com/token',
  userInfoEndpoint: 'https://idp.example.com/userinfo',
  clientId: 'lbkit',
  clientSecret: ClientSecret.fromSecretsManager('prod/oidc', 'client_secret'),
};

/** A Cognito sign-in with AWS's defaults for everything but the user pool. */
export const COGNITO: CognitoAuthenticationOptions = {
  userPoolArn: 'arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_AbCdEf123',
  userPoolClientId: '1example23456789',
  userPoolDomain: 'lbkit-users',
};
