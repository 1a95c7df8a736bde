import { cfnTemplate, tfConfig } from './fixtures';
import { LoadBalancerModel } from '../../src/core/model/load-balancer-model';
import { LbkitConfigError, readCloudFormation, readTerraform } from '../../src/readers';
import { readSynthesized } from '../../src/readers/read-file';

/** ALB listener header modification (`routing.http.response.*`, `routing.http.request.x_amzn_*`) read back by both readers. */

const https = (models: unknown[]) => (models[0] as LoadBalancerModel).listeners.find((l) => l.protocol === 'HTTPS')!;
const http = (models: unknown[]) => (models[0] as LoadBalancerModel).listeners.find((l) => l.protocol === 'HTTP')!;

describe('listener headers read back', () => {
  test('absent: AWS\'s defaults (the Server header on, nothing added)', () => {
    expect(https(readCloudFormation(cfnTemplate())).headers).toEqual({ serverHeader: true });
    expect(http(readTerraform(tfConfig())).headers).toEqual({ serverHeader: true });
  });

  test('CloudFormation: each attribute as written (booleans as text or JSON); an empty value is AWS\'s "not set"', () => {
    const t = cfnTemplate();
    t.Resources.HttpsListener.Properties.ListenerAttributes = [
      { Key: 'routing.http.response.server.enabled', Value: false },
      { Key: 'routing.http.response.strict_transport_security.header_value', Value: 'max-age=300' },
      { Key: 'routing.http.response.content_security_policy.header_value', Value: '' },
      { Key: 'routing.http.response.access_control_max_age.header_value', Value: 60 },
      { Key: 'routing.http.request.x_amzn_tls_version.header_name', Value: 'X-Tls' },
    ];
    expect(https(readCloudFormation(t)).headers).toEqual({
      serverHeader: false, strictTransportSecurity: 'max-age=300', accessControlMaxAge: '60', requestHeaderNames: { tlsVersion: 'X-Tls' },
    });
  });

  test('Terraform: the provider\'s own arguments', () => {
    const c = tfConfig();
    Object.assign(c.resource.aws_lb_listener.https, {
      routing_http_response_server_enabled: 'false',
      routing_http_response_x_frame_options_header_value: 'SAMEORIGIN',
      routing_http_request_x_amzn_mtls_clientcert_leaf_header_name: 'X-Leaf',
    });
    expect(https(readTerraform(c)).headers).toEqual({ serverHeader: false, xFrameOptions: 'SAMEORIGIN', requestHeaderNames: { mtlsClientcertLeaf: 'X-Leaf' } });
  });

  test('a server header that is not a boolean is refused, naming the listener', () => {
    const t = cfnTemplate();
    t.Resources.HttpsListener.Properties.ListenerAttributes = [{ Key: 'routing.http.response.server.enabled', Value: 'off' }];
    expect(() => readCloudFormation(t)).toThrow(LbkitConfigError);
    expect(() => readCloudFormation(t)).toThrow(/listener HttpsListener routing\.http\.response\.server\.enabled: expected true or false/);
  });

  test('header attributes are modeled (not reported); another listener attribute is', () => {
    const t = cfnTemplate();
    t.Resources.HttpsListener.Properties.ListenerAttributes = [
      { Key: 'routing.http.response.x_content_type_options.header_value', Value: 'nosniff' },
      { Key: 'routing.http.response.some_future.header_value', Value: 'x' },
    ];
    expect(readSynthesized(t).unmodeled.map((u) => u.property)).toEqual(['ListenerAttributes[routing.http.response.some_future.header_value]']);
    const c = tfConfig();
    Object.assign(c.resource.aws_lb_listener.https, { routing_http_response_x_content_type_options_header_value: 'nosniff', routing_http_response_some_future: 'x' });
    expect(readSynthesized(c).unmodeled.map((u) => u.property)).toEqual(['routing_http_response_some_future']);
  });
});
