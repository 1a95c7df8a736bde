import { AdviceRule } from './advice';

/**
 * A security header lbkit adds by default, turned off by the user: HSTS, nosniff, or the `Server`
 * header turned back on. One message per header.
 */
export const securityHeaderDisabled: AdviceRule = {
  id: 'lbkit:securityHeaderDisabled',
  check: (options) => {
    const o = options.responseHeaders ?? {};
    const messages: string[] = [];
    if (o.strictTransportSecurity?.enabled === false) {
      messages.push('Strict-Transport-Security is off: a browser that once used HTTPS may be sent to plain HTTP again (SSL stripping on public networks).');
    }
    if (o.contentTypeNoSniff === false) {
      messages.push('X-Content-Type-Options: nosniff is off: browsers may run an uploaded or reflected text body as script or HTML.');
    }
    if (o.serverHeader === true) {
      messages.push('the Server header is on: the load balancer tells every client (and scanner) what answers.');
    }
    return messages;
  },
};
