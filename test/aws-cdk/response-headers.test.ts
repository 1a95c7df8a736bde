import { Match } from 'aws-cdk-lib/assertions';
import { all, Annotations, attributes, errorOf, synth, Template } from './fixtures';
import { FrameOptions, ResponseHeaderOptions } from '../../src/core/options/response-header-options';

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const listenerOf = (template: Template, port: number) => all(template, LISTENER).map((r) => r.Properties).find((l) => l.Port === port)!;
const listenerAttributes = (template: Template, port: number) => attributes(listenerOf(template, port).ListenerAttributes ?? []);

describe('response headers (CloudFormation listener attributes)', () => {
  test('defaults: HTTPS gets HSTS for a year and nosniff, both listeners drop the Server header; HTTP gets no HSTS', () => {
    const { h, template } = synth();
    expect(listenerAttributes(template, 443)).toEqual({
      'routing.http.response.server.enabled': 'false',
      'routing.http.response.strict_transport_security.header_value': 'max-age=31536000',
      'routing.http.response.x_content_type_options.header_value': 'nosniff',
    });
    expect(listenerAttributes(template, 80)).toEqual({
      'routing.http.response.server.enabled': 'false',
      'routing.http.response.x_content_type_options.header_value': 'nosniff',
    });
    expect(Annotations.fromStack(h.stack).findWarning('*', Match.stringLikeRegexp('lbkit:securityHeaderDisabled'))).toEqual([]);
  });

  test('every header and rename as set; renames on HTTPS only', () => {
    const { template } = synth({
      responseHeaders: {
        strictTransportSecurity: { maxAgeSeconds: 63_072_000, includeSubDomains: true, preload: true },
        frameOptions: FrameOptions.allowFrom('https://portal.example.com'),
        contentSecurityPolicy: "default-src 'self'",
        cors: { allowOrigin: 'https://app.example.com', allowMethods: ['get', 'POST'], allowHeaders: ['Content-Type'], allowCredentials: true, exposeHeaders: ['X-Request-Id'], maxAgeSeconds: 600 },
        serverHeader: true,
        requestHeaderNames: { mtlsClientcert: 'X-Client-Cert', tlsVersion: 'X-Tls-Version' },
      },
    });
    expect(listenerAttributes(template, 443)).toEqual({
      'routing.http.response.strict_transport_security.header_value': 'max-age=63072000; includeSubDomains; preload',
      'routing.http.response.content_security_policy.header_value': "default-src 'self'",
      'routing.http.response.x_content_type_options.header_value': 'nosniff',
      'routing.http.response.x_frame_options.header_value': 'ALLOW-FROM https://portal.example.com',
      'routing.http.response.access_control_allow_origin.header_value': 'https://app.example.com',
      'routing.http.response.access_control_allow_methods.header_value': 'GET,POST',
      'routing.http.response.access_control_allow_headers.header_value': 'Content-Type',
      'routing.http.response.access_control_allow_credentials.header_value': 'true',
      'routing.http.response.access_control_expose_headers.header_value': 'X-Request-Id',
      'routing.http.response.access_control_max_age.header_value': '600',
      'routing.http.request.x_amzn_mtls_clientcert.header_name': 'X-Client-Cert',
      'routing.http.request.x_amzn_tls_version.header_name': 'X-Tls-Version',
    });
    expect(Object.keys(listenerAttributes(template, 80)).filter((k) => k.includes('strict_transport') || k.includes('x_amzn'))).toEqual([]);
  });

  test('turning a security header off warns once per header under lbkit:securityHeaderDisabled', () => {
    const off: ResponseHeaderOptions = { strictTransportSecurity: { enabled: false }, contentTypeNoSniff: false, serverHeader: true };
    const { h, template } = synth({ responseHeaders: off });
    const warnings = Annotations.fromStack(h.stack).findWarning('/Stack/Api', Match.stringLikeRegexp('lbkit:securityHeaderDisabled'));
    expect(warnings).toHaveLength(3);
    // Nothing left to write on HTTPS: the server header at AWS's default, no response header.
    expect(listenerOf(template, 443).ListenerAttributes).toBeUndefined();
  });

  const refused: [ResponseHeaderOptions, string][] = [
    [{ strictTransportSecurity: { preload: true } }, 'responseHeaders.strictTransportSecurity.preload needs includeSubDomains true (the preload list refuses a header without it) (received: true)'],
    [{ strictTransportSecurity: { preload: true, includeSubDomains: true, maxAgeSeconds: 86_400 } },
      'responseHeaders.strictTransportSecurity.maxAgeSeconds must be at least 31536000 with preload (the preload list\'s minimum, one year) (received: 86400)'],
    [{ strictTransportSecurity: { maxAgeSeconds: -1 } }, 'responseHeaders.strictTransportSecurity.maxAgeSeconds must be a whole number from 0 to 2147483647 (received: -1)'],
    [{ frameOptions: FrameOptions.allowFrom('portal.example.com') },
      'responseHeaders.frameOptions must be DENY, SAMEORIGIN or ALLOW-FROM followed by an http(s) URI (received: "ALLOW-FROM portal.example.com")'],
    [{ contentSecurityPolicy: 'x'.repeat(1025) }, 'responseHeaders.contentSecurityPolicy must be at most 1024 characters (an ALB listener attribute\'s limit); it has 1025'],
    [{ cors: { allowOrigin: '*', allowCredentials: true } },
      'responseHeaders.cors.allowCredentials cannot be true with allowOrigin "*" (browsers refuse credentials for a wildcard origin); name the origin (received: true)'],
    [{ cors: { allowOrigin: '*', allowMethods: ['FETCH'] } }, 'responseHeaders.cors.allowMethods must hold only GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH (received: ["FETCH"])'],
    [{ cors: { allowOrigin: '*', allowHeaders: ['bad header'] } }, 'responseHeaders.cors.allowHeaders must hold header names'],
    [{ requestHeaderNames: { tlsVersion: 'X Tls' } }, 'responseHeaders.requestHeaderNames.tlsVersion must be a header name'],
  ];
  test.each(refused.map(([o, message]) => [message.split(' ')[0], o, message] as const))('refused: %s', (_option, responseHeaders, message) => {
    expect(errorOf({ responseHeaders })).toContain(`Stack/Api: ${message}`);
  });
});
