import { all, errorOf, synth, warningsOf } from './fixtures';
import { FrameOptions } from '../../src/core/options/response-header-options';

const listener = (tf: any, port: number) => all(tf, 'aws_lb_listener').find((l) => l.port === port);
const headerArguments = (l: any) => Object.fromEntries(Object.entries(l).filter(([k]) => k.startsWith('routing_http_')));

describe('response headers (Terraform aws_lb_listener arguments)', () => {
  test('defaults: HTTPS gets HSTS for a year and nosniff, both listeners drop the Server header; HTTP gets no HSTS', () => {
    const { tf } = synth();
    expect(headerArguments(listener(tf, 443))).toEqual({
      routing_http_response_server_enabled: false,
      routing_http_response_strict_transport_security_header_value: 'max-age=31536000',
      routing_http_response_x_content_type_options_header_value: 'nosniff',
    });
    expect(headerArguments(listener(tf, 80))).toEqual({
      routing_http_response_server_enabled: false,
      routing_http_response_x_content_type_options_header_value: 'nosniff',
    });
  });

  test('every header and rename as set, as the provider\'s own arguments', () => {
    const { tf } = synth({
      responseHeaders: {
        frameOptions: FrameOptions.SAMEORIGIN,
        cors: { allowOrigin: 'https://app.example.com', allowMethods: ['GET'], maxAgeSeconds: 60 },
        serverHeader: true,
        requestHeaderNames: { mtlsClientcertSerialNumber: 'X-Client-Serial', tlsCipherSuite: 'X-Tls-Cipher' },
      },
    });
    expect(headerArguments(listener(tf, 443))).toEqual({
      routing_http_response_strict_transport_security_header_value: 'max-age=31536000',
      routing_http_response_x_content_type_options_header_value: 'nosniff',
      routing_http_response_x_frame_options_header_value: 'SAMEORIGIN',
      routing_http_response_access_control_allow_origin_header_value: 'https://app.example.com',
      routing_http_response_access_control_allow_methods_header_value: 'GET',
      routing_http_response_access_control_max_age_header_value: '60',
      routing_http_request_x_amzn_mtls_clientcert_serial_number_header_name: 'X-Client-Serial',
      routing_http_request_x_amzn_tls_cipher_suite_header_name: 'X-Tls-Cipher',
    });
  });

  test('turning a security header off warns; bad values are refused naming the option', () => {
    const { lb } = synth({ responseHeaders: { contentTypeNoSniff: false } });
    expect(warningsOf(lb)).toContainEqual(expect.stringMatching(/^\[lbkit:securityHeaderDisabled\] X-Content-Type-Options: nosniff is off/));
    expect(errorOf({ responseHeaders: { cors: { allowOrigin: '' } } })).toBe('Stack/Api: responseHeaders.cors.allowOrigin must be a non-empty header value without control characters (received: "")');
  });
});
