import { JwtClaimFormat } from './enums';

/** A claim a valid token must carry besides `iss` and `exp`, and the values it may take. */
export interface JwtClaimOptions {
  /** The claim's name (e.g. `scope`, `aud`); not `exp`, `iss`, `nbf` or `iat`, which AWS always validates. */
  readonly name: string;
  /**
   * The accepted values: 1–10, each at most 256 characters (no spaces with SPACE_SEPARATED_VALUES).
   * The claim must hold one of them.
   */
  readonly values: string[];
  /**
   * How the claim is written in the token.
   * @default JwtClaimFormat.SINGLE_STRING - a claim holding one string (like `aud` or `client_id`)
   */
  readonly format?: JwtClaimFormat;
}

/**
 * A bearer-token check the load balancer runs before a route's action (a `jwt-validation` action, for
 * service-to-service calls): the request must carry `Authorization: Bearer <JWT>`, signed with RS256 by
 * a key of the issuer's JWKS, with `iss` equal to `issuer`, an `exp` in the future (`nbf` and `iat`
 * checked when present) and the additional claims; otherwise AWS answers 401. A valid request is
 * forwarded with the token as is. Needs hashicorp/aws 6.x on Terraform (lbkit/cdktn) or CloudFormation;
 * lbkit/cdktf refuses it.
 */
export interface JwtValidationOptions {
  /** The `iss` claim a valid token carries, at most 256 characters (e.g. `https://issuer.example.com`). */
  readonly issuer: string;
  /** The full https URL of the issuer's JSON Web Key Set, at most 256 characters; AWS fetches it and accepts at most 150 KB and 10 keys. */
  readonly jwksEndpoint: string;
  /**
   * Claims a valid token must also carry, at most 10.
   * @default - none: the signature, `iss` and `exp` decide
   */
  readonly additionalClaims?: JwtClaimOptions[];
}
