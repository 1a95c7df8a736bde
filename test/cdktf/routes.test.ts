import { errorOf, listener, ref, rulesByRoute, synth } from './fixtures';
import { RouteAction } from '../../src/core';

const tgArn = (tf: any, route: string) => ref(tf, 'aws_lb_target_group', `Api/TargetGroup-${route}`, 'arn');

describe('4. routes: every condition kind and action (Terraform)', () => {
  const routes = [
    {
      name: 'everything',
      hosts: ['api.example.com'],
      paths: ['/v1/*'],
      methods: ['GET'],
      sourceIps: ['10.0.0.0/8'],
      headers: [{ name: 'x-b', values: ['2'] }],
      port: 8080,
    },
    { name: 'headers', headers: [{ name: 'x-version', values: ['2'] }, { name: 'accept', values: ['application/json'] }], port: 8081 },
    { name: 'query', queryStrings: [{ key: 'version', value: '2' }, { value: 'beta' }], port: 8082 },
    { name: 'canary', paths: ['/canary/*'], port: 8083, action: RouteAction.weightedForward([{ route: 'canary', weight: 90 }, { route: 'web', weight: 10 }], 300) },
    { name: 'split', paths: ['/split/*'], port: 8084, action: RouteAction.weightedForward([{ route: 'split', weight: 1 }, { route: 'web', weight: 1 }]) },
    { name: 'old', paths: ['/old/*'], action: RouteAction.redirect({ host: 'new.example.com', path: '/new/#{path}', status: undefined }) },
    { name: 'found', paths: ['/temp'], action: RouteAction.redirect({ protocol: 'HTTPS', port: '8443', query: 'x=1', status: 'HTTP_302' as any }) },
    { name: 'gone', paths: ['/gone'], action: RouteAction.fixedResponse(410, { contentType: 'application/json', body: '{"gone":true}' }) },
    { name: 'teapot', paths: ['/teapot'], action: RouteAction.fixedResponse(418) },
    { name: 'web', port: 3000 },
  ];

  test('each condition kind becomes its own condition block, headers one block each, query pairs in one block', () => {
    const { tf } = synth({ routes });
    const rules = rulesByRoute(tf);
    expect(rules.everything.condition).toEqual([
      { host_header: { values: ['api.example.com'] } },
      { path_pattern: { values: ['/v1/*'] } },
      { http_request_method: { values: ['GET'] } },
      { source_ip: { values: ['10.0.0.0/8'] } },
      { http_header: { http_header_name: 'x-b', values: ['2'] } },
    ]);
    expect(rules.headers.condition).toEqual([
      { http_header: { http_header_name: 'accept', values: ['application/json'] } },
      { http_header: { http_header_name: 'x-version', values: ['2'] } },
    ]);
    expect(rules.query.condition).toEqual([{ query_string: [{ key: 'version', value: '2' }, { value: 'beta' }] }]);
    expect(rules.everything.listener_arn).toBe(ref(tf, 'aws_lb_listener', 'Api/Listener443', 'arn'));
    expect(rules.everything.tags).toEqual({ 'lbkit:route': 'everything' });
  });

  test('forward to the route\'s own group is the short form', () => {
    const { tf } = synth({ routes });
    expect(rulesByRoute(tf).everything.action).toEqual([{ type: 'forward', target_group_arn: tgArn(tf, 'everything') }]);
  });

  test('weighted forward lists groups with weights, and group stickiness when asked', () => {
    const { tf } = synth({ routes });
    const rules = rulesByRoute(tf);
    expect(rules.canary.action).toEqual([{
      type: 'forward',
      forward: {
        target_group: [{ arn: tgArn(tf, 'canary'), weight: 90 }, { arn: tgArn(tf, 'web'), weight: 10 }],
        stickiness: { enabled: true, duration: 300 },
      },
    }]);
    expect(rules.split.action).toEqual([{
      type: 'forward',
      forward: { target_group: [{ arn: tgArn(tf, 'split'), weight: 1 }, { arn: tgArn(tf, 'web'), weight: 1 }] },
    }]);
  });

  test('redirects write all six fields, keeping what was not changed', () => {
    const { tf } = synth({ routes });
    const rules = rulesByRoute(tf);
    expect(rules.old.action).toEqual([{
      type: 'redirect',
      redirect: { status_code: 'HTTP_301', protocol: '#{protocol}', host: 'new.example.com', port: '#{port}', path: '/new/#{path}', query: '#{query}' },
    }]);
    expect(rules.found.action).toEqual([{
      type: 'redirect',
      redirect: { status_code: 'HTTP_302', protocol: 'HTTPS', host: '#{host}', port: '8443', path: '/#{path}', query: 'x=1' },
    }]);
  });

  test('fixed responses, with text/plain when no content type is given (Terraform requires one)', () => {
    const { tf } = synth({ routes });
    const rules = rulesByRoute(tf);
    expect(rules.gone.action).toEqual([{ type: 'fixed-response', fixed_response: { status_code: '410', content_type: 'application/json', message_body: '{"gone":true}' } }]);
    expect(rules.teapot.action).toEqual([{ type: 'fixed-response', fixed_response: { status_code: '418', content_type: 'text/plain' } }]);
  });

  test('the default action is a JSON 404 unless a default route is given', () => {
    expect(listener(synth().tf, 443).default_action).toEqual([{
      type: 'fixed-response', fixed_response: { status_code: '404', content_type: 'application/json', message_body: '{"message":"Not Found"}' },
    }]);
    const { tf } = synth({ routes, defaultAction: RouteAction.forward('web') });
    expect(listener(tf, 443).default_action).toEqual([{ type: 'forward', target_group_arn: tgArn(tf, 'web') }]);
    // A route without conditions makes no rule, only a target group.
    expect(rulesByRoute(tf).web).toBeUndefined();
  });

  test('loadBalancerHealthResponse answers GET /health from the load balancer itself', () => {
    const { tf } = synth({ loadBalancerHealthResponse: true });
    const rule = rulesByRoute(tf)['lb-health'];
    expect(rule.condition).toEqual([{ path_pattern: { values: ['/health'] } }]);
    expect(rule.action).toEqual([{ type: 'fixed-response', fixed_response: { status_code: '200', content_type: 'application/json', message_body: '{"status":"ok"}' } }]);
  });

  test('no routes are refused', () => {
    expect(errorOf({ routes: [] })).toBe(
      'Stack/Api: routes must contain at least one route (a web API load balancer with nothing behind it serves only 404s) (received: [])');
  });

  test('a forward to an unknown route is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/a'], action: RouteAction.forward('nope') }] })).toBe(
      'Stack/Api: routes["api"].action forwards to route "nope", which is not defined (routes: api) (received: "nope")');
  });

  test('duplicate route names are refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/a'] }, { name: 'api', paths: ['/b'] }] })).toMatch(
      /^Stack\/Api: routes\[1\]\.name must be unique among routes/);
  });
});
