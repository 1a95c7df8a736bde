import { all, errorOf, ruleOf, synth, targetGroupId } from './fixtures';
import { RedirectStatus, RouteAction } from '../../src/core';

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

describe('4. routes: conditions and actions', () => {
  test('every condition kind renders in the *Config form, one condition per header', () => {
    const { template } = synth({
      routes: [{
        name: 'all',
        hosts: ['api.example.com'],
        paths: ['/v1/*'],
        methods: ['GET'],
        sourceIps: ['192.0.2.0/24'],
        headers: [{ name: 'x-tenant', values: ['a'] }],
      }, {
        name: 'headers',
        headers: [{ name: 'x-tenant', values: ['a'] }, { name: 'X-Beta', values: ['1'] }],
      }, {
        name: 'query',
        queryStrings: [{ key: 'version', value: '2' }, { value: 'debug' }],
      }],
    });
    expect(ruleOf(template, 'all').Conditions).toEqual([
      { Field: 'host-header', HostHeaderConfig: { Values: ['api.example.com'] } },
      { Field: 'path-pattern', PathPatternConfig: { Values: ['/v1/*'] } },
      { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
      { Field: 'source-ip', SourceIpConfig: { Values: ['192.0.2.0/24'] } },
      { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-tenant', Values: ['a'] } },
    ]);
    expect(ruleOf(template, 'headers').Conditions).toEqual([
      { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Beta', Values: ['1'] } },
      { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-tenant', Values: ['a'] } },
    ]);
    expect(ruleOf(template, 'query').Conditions).toEqual([
      { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'version', Value: '2' }, { Value: 'debug' }] } },
    ]);
  });

  test('forward to the route\'s own target group by default; each rule carries lbkit:route metadata on the HTTPS listener', () => {
    const { template } = synth();
    const rule = ruleOf(template, 'api');
    expect(rule.Actions).toEqual([{ Type: 'forward', TargetGroupArn: { Ref: targetGroupId(template, 'api') } }]);
    const httpsId = Object.entries(template.findResources(LISTENER)).find(([, r]: [string, any]) => r.Properties.Port === 443)![0];
    expect(rule.ListenerArn).toEqual({ Ref: httpsId });
  });

  test('weighted forward with group stickiness uses ForwardConfig', () => {
    const { template } = synth({
      routes: [
        { name: 'blue', paths: ['/app/*'], action: RouteAction.weightedForward([{ route: 'blue', weight: 80 }, { route: 'green', weight: 20 }], 600) },
        { name: 'green', port: 8081 },
      ],
    });
    expect(ruleOf(template, 'blue').Actions).toEqual([{
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: { Ref: targetGroupId(template, 'blue') }, Weight: 80 },
          { TargetGroupArn: { Ref: targetGroupId(template, 'green') }, Weight: 20 },
        ],
        TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 600 },
      },
    }]);
  });

  test('redirect writes all six fields; fixed response writes status, type and body', () => {
    const { template } = synth({
      routes: [
        { name: 'api', paths: ['/api/*'] },
        { name: 'old', paths: ['/old/*'], action: RouteAction.redirect({ host: 'new.example.com', status: RedirectStatus.FOUND }) },
        { name: 'teapot', paths: ['/tea'], action: RouteAction.fixedResponse(418, { contentType: 'text/plain', body: 'short and stout' }) },
        { name: 'gone', paths: ['/gone'], action: RouteAction.fixedResponse(410) },
      ],
    });
    expect(ruleOf(template, 'old').Actions).toEqual([{
      Type: 'redirect',
      RedirectConfig: { StatusCode: 'HTTP_302', Protocol: '#{protocol}', Host: 'new.example.com', Port: '#{port}', Path: '/#{path}', Query: '#{query}' },
    }]);
    expect(ruleOf(template, 'teapot').Actions).toEqual([{
      Type: 'fixed-response', FixedResponseConfig: { StatusCode: '418', ContentType: 'text/plain', MessageBody: 'short and stout' },
    }]);
    expect(ruleOf(template, 'gone').Actions).toEqual([{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '410', ContentType: 'text/plain' } }]);
    // Only forwarded routes own target groups.
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 1);
  });

  test('without a default action the HTTPS listener answers a JSON 404', () => {
    const { template } = synth();
    const https = all(template, LISTENER).map((r) => r.Properties).find((p) => p.Port === 443)!;
    expect(https.DefaultActions).toEqual([{
      Type: 'fixed-response',
      FixedResponseConfig: { StatusCode: '404', ContentType: 'application/json', MessageBody: '{"message":"Not Found"}' },
    }]);
  });

  test('a default route (no conditions) makes no rule, only the target group the default action forwards to', () => {
    const { template } = synth({
      routes: [{ name: 'api', paths: ['/api/*'] }, { name: 'web', port: 3000 }],
      defaultAction: RouteAction.forward('web'),
    });
    const https = all(template, LISTENER).map((r) => r.Properties).find((p) => p.Port === 443)!;
    expect(https.DefaultActions).toEqual([{ Type: 'forward', TargetGroupArn: { Ref: targetGroupId(template, 'web') } }]);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 1);
  });

  test('loadBalancerHealthResponse answers GET /health from the load balancer', () => {
    const { template } = synth({ loadBalancerHealthResponse: true });
    const rule = ruleOf(template, 'lb-health');
    expect(rule.Conditions).toEqual([{ Field: 'path-pattern', PathPatternConfig: { Values: ['/health'] } }]);
    expect(rule.Actions).toEqual([{
      Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'application/json', MessageBody: '{"status":"ok"}' },
    }]);
  });

  test('empty routes are refused', () => {
    expect(errorOf({ routes: [] })).toBe('Stack/Api: routes must contain at least one route '
      + '(a web API load balancer with nothing behind it serves only 404s) (received: [])');
  });

  test('a forward to an unknown route is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/api/*'], action: RouteAction.forward('nope') }] }))
      .toContain('Stack/Api: routes["api"].action forwards to route "nope", which is not defined');
  });
});
