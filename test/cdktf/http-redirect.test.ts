import { all, errorOf, listener, synth } from './fixtures';

describe('3. HTTP 80 only redirects to HTTPS (Terraform)', () => {
  test('port 80 answers with a permanent redirect to HTTPS 443 keeping host, path and query', () => {
    const { tf } = synth();
    const http = listener(tf, 80);
    expect(http.protocol).toBe('HTTP');
    expect(http.ssl_policy).toBeUndefined();
    expect(http.certificate_arn).toBeUndefined();
    expect(http.default_action).toEqual([{
      type: 'redirect',
      redirect: { status_code: 'HTTP_301', protocol: 'HTTPS', host: '#{host}', port: '443', path: '/#{path}', query: '#{query}' },
    }]);
    // No rules on the redirect listener: every rule is on HTTPS.
    const httpArn = Object.keys(tf.resource.aws_lb_listener).find((k) => k.includes('Listener80'));
    expect(all(tf, 'aws_lb_listener_rule').filter((r) => r.listener_arn.includes(httpArn!))).toEqual([]);
  });

  test('redirectHttp: false leaves only the HTTPS listener and no port 80 ingress', () => {
    const { tf, lb } = synth({ redirectHttp: false });
    expect(all(tf, 'aws_lb_listener').map((l) => l.port)).toEqual([443]);
    expect(all(tf, 'aws_vpc_security_group_ingress_rule').map((r) => r.from_port)).toEqual([443]);
    expect(lb.httpListenerArn).toBeUndefined();
  });

  test('the HTTP listener ARN is exposed when it exists', () => {
    const { lb } = synth();
    expect(lb.httpListenerArn).toBeDefined();
  });

  test('a redirect that changes nothing is refused', () => {
    const { RouteAction } = jest.requireActual('../../src/core');
    expect(errorOf({ routes: [{ name: 'old', paths: ['/old'], action: RouteAction.redirect({}) }] })).toMatch(
      /^Stack\/Api: routes\["old"\]\.action redirect must change at least one of protocol, host, port, path or query/);
  });
});
