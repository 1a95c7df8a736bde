export { LocalJwtIssuers, LOCAL_TOKEN_LIFETIME_SECONDS, UnknownJwtIssuerError } from './local-jwt-issuers';
export { startJwtTokenEndpoint } from './token-endpoint';
export type { JwtTokenEndpoint, JwtTokenEndpointOptions } from './token-endpoint';
