import { AccessLogEntry } from './access-log-entry';
import { JwtKeySets } from './jwt-validation';
import { LoadBalancerCounters } from './load-balancer-metrics';
import { GroupCounters } from './metrics';
import { MutualTlsListener } from './mutual-tls';
import { LocalRedirectPorts } from './redirect';
import { Runtime } from './runtime';
import { ChooseCertificate } from './tls-facts';
import { SignInContext } from '../oidc/sign-in';

/** What a listener's handlers share: its model port and protocol, the current runtime, counters and the access log. */
export interface ListenerContext {
  /** The model listener port (X-Forwarded-Port, redirects). */
  readonly port: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly accessLog?: (entry: AccessLogEntry) => void;
  /** HTTPS: the model certificate presented for an SNI name, for the access log (absent: chosen_cert_arn `-`). */
  readonly chooseCertificate?: ChooseCertificate;
  /** Set when redirects carry local ports instead of the listeners' (the proxy's `rewriteRedirectPorts`). */
  readonly redirectPorts?: () => LocalRedirectPorts;
  /** Sign-in actions: the keys, the local identity provider (undefined when the model has none). */
  readonly signIn?: () => SignInContext | undefined;
  /** JWT validation actions: the issuers' key sets (`--jwks`); absent: every token check answers 500. */
  readonly jwtKeys?: JwtKeySets;
  /** HTTPS listeners with mutual TLS: how client certificates are checked and which headers carry them. */
  readonly mutualTls?: MutualTlsListener;
  /** The load balancer's own counters (requests it answered itself, connections). */
  readonly loadBalancer: LoadBalancerCounters;
  /** The runtime new requests use (swapped on reload). */
  runtime(): Runtime;
  counters(group: string): GroupCounters;
}
