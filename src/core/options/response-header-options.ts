/**
 * `Strict-Transport-Security` (HSTS) on the HTTPS listener. RFC 6797 §8.1: browsers ignore it
 * over plain HTTP, so lbkit never adds it to the HTTP listener.
 */
export interface StrictTransportSecurityOptions {
  /**
   * @default true - after one visit, browsers never try plain HTTP again, so a later visit cannot be downgraded
   */
  readonly enabled?: boolean;
  /**
   * How long browsers remember to use HTTPS only (`max-age`), in seconds.
   * @default 31536000 - one year: what the preload list and security scanners expect, short enough to undo within a year
   */
  readonly maxAgeSeconds?: number;
  /**
   * Apply to every subdomain too (`includeSubDomains`).
   * @default false - the load balancer knows only its own names; a sibling subdomain served over plain HTTP elsewhere would become unreachable
   */
  readonly includeSubDomains?: boolean;
  /**
   * Ask to be on the browsers' preload list (`preload`); needs includeSubDomains and a max-age of a year or more.
   * @default false - preloading ships in browsers and takes months to undo; opt in deliberately
   */
  readonly preload?: boolean;
}

/**
 * `X-Frame-Options`: whether browsers may show responses inside a frame. (The modern control is the
 * `frame-ancestors` directive of a Content-Security-Policy.)
 */
export class FrameOptions {
  /** Never in a frame. */
  public static readonly DENY = new FrameOptions('DENY');
  /** Only in a frame of a page from the same origin. */
  public static readonly SAMEORIGIN = new FrameOptions('SAMEORIGIN');

  /**
   * Only in a frame of a page from this origin (obsolete: modern browsers ignore ALLOW-FROM; prefer
   * a Content-Security-Policy `frame-ancestors` directive).
   * @param uri an http or https URI
   */
  public static allowFrom(uri: string): FrameOptions {
    return new FrameOptions(`ALLOW-FROM ${uri}`);
  }

  /** The header value. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/** Cross-origin resource sharing: the `Access-Control-Allow-*` headers on every response. */
export interface CorsOptions {
  /**
   * `Access-Control-Allow-Origin`: one origin (`https://app.example.com`) or `*`.
   */
  readonly allowOrigin: string;
  /**
   * `Access-Control-Allow-Methods`: GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH.
   * @default - header not added (browsers allow the simple methods GET, HEAD and POST)
   */
  readonly allowMethods?: string[];
  /**
   * `Access-Control-Allow-Headers`: request header names a cross-origin request may send.
   * @default - header not added
   */
  readonly allowHeaders?: string[];
  /**
   * `Access-Control-Allow-Credentials: true`: cross-origin requests may carry cookies. Not with allowOrigin `*` (browsers refuse that).
   * @default false - header not added; credentials are the dangerous part of CORS
   */
  readonly allowCredentials?: boolean;
  /**
   * `Access-Control-Expose-Headers`: response header names scripts of another origin may read.
   * @default - header not added
   */
  readonly exposeHeaders?: string[];
  /**
   * `Access-Control-Max-Age`: seconds a browser may cache a preflight answer.
   * @default - header not added (browsers cache for 5 s)
   */
  readonly maxAgeSeconds?: number;
}

/**
 * New names for the request headers an HTTPS listener adds with TLS facts (`X-Amzn-Tls-*`) and,
 * with mutual TLS, the client certificate (`X-Amzn-Mtls-Clientcert*`), for targets that expect other names.
 */
export interface RequestHeaderNameOptions {
  /** @default - X-Amzn-Mtls-Clientcert */
  readonly mtlsClientcert?: string;
  /** @default - X-Amzn-Mtls-Clientcert-Serial-Number */
  readonly mtlsClientcertSerialNumber?: string;
  /** @default - X-Amzn-Mtls-Clientcert-Issuer */
  readonly mtlsClientcertIssuer?: string;
  /** @default - X-Amzn-Mtls-Clientcert-Subject */
  readonly mtlsClientcertSubject?: string;
  /** @default - X-Amzn-Mtls-Clientcert-Validity */
  readonly mtlsClientcertValidity?: string;
  /** @default - X-Amzn-Mtls-Clientcert-Leaf */
  readonly mtlsClientcertLeaf?: string;
  /** @default - X-Amzn-Tls-Version */
  readonly tlsVersion?: string;
  /** @default - X-Amzn-Tls-Cipher-Suite */
  readonly tlsCipherSuite?: string;
}

/**
 * Response headers the load balancer adds to every response of its listeners (ALB HTTP header
 * modification), replacing a header of the same name from the target, and request-header renames.
 * The HTTPS listener gets all of them; the HTTP listener (which only redirects to HTTPS) gets all
 * but HSTS (ignored over HTTP) and the request-header renames (TLS facts exist only on HTTPS).
 */
export interface ResponseHeaderOptions {
  /**
   * `Strict-Transport-Security`, HTTPS listener only.
   * @default - on: max-age one year, without includeSubDomains and preload
   */
  readonly strictTransportSecurity?: StrictTransportSecurityOptions;
  /**
   * `X-Content-Type-Options: nosniff`.
   * @default true - browsers never reinterpret a JSON or text body as script or HTML; no correct app relies on sniffing
   */
  readonly contentTypeNoSniff?: boolean;
  /**
   * `X-Frame-Options`.
   * @default - header not added: the load balancer replaces the target's own header, so a default would override an app's deliberate framing policy
   */
  readonly frameOptions?: FrameOptions;
  /**
   * `Content-Security-Policy`, as written (at most 1024 characters).
   * @default - header not added: a policy is specific to the app, and a wrong one breaks its pages
   */
  readonly contentSecurityPolicy?: string;
  /**
   * CORS headers.
   * @default - none added (the app answers CORS itself, or cross-origin requests are refused by browsers)
   */
  readonly cors?: CorsOptions;
  /**
   * Keep `Server: awselb/2.0` on the load balancer's own responses (errors, redirects, fixed responses).
   * @default false - the header only tells an attacker what answers
   */
  readonly serverHeader?: boolean;
  /**
   * New names for the TLS and mutual-TLS request headers (HTTPS listener).
   * @default - AWS's names
   */
  readonly requestHeaderNames?: RequestHeaderNameOptions;
}
