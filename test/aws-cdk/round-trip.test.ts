import * as s3 from 'aws-cdk-lib/aws-s3';
import { harness, Harness, minimalProps } from './fixtures';
import { WebApiLoadBalancer, WebApiLoadBalancerProps } from '../../src/aws-cdk';
import { LoadBalancingAlgorithm, RequestDuration, RouteAction, StickinessType, TargetType } from '../../src/core';
import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { readSynthesized } from '../../src/readers/read-file';

/** read(CloudFormation) == plan(options): the renderer adds and loses nothing the model holds. */
const VARIANTS: [string, (h: Harness) => Partial<WebApiLoadBalancerProps>][] = [
  ['minimal', () => ({})],
  ['internal, redirect off, logs off, WAF off', () => ({
    internetFacing: false, allowedCidrs: ['10.0.0.0/8'], redirectHttp: false, accessLogs: { enabled: false }, waf: { enabled: false },
  })],
  ['dual stack, aliases, managed certificates, LB health', () => ({
    dualStack: true,
    aliasRecordNames: ['api.example.com'],
    managedCertificates: [{ domainName: 'api.example.com', alternativeNames: ['x.example.com'] }],
    loadBalancerHealthResponse: true,
  })],
  ['every condition, redirect and fixed actions, explicit priority', () => ({
    routes: [
      { name: 'a', hosts: ['a.example.com'], paths: ['/a/*'], methods: ['GET'], sourceIps: ['192.0.2.0/24'], priority: 10 },
      { name: 'h', headers: [{ name: 'x-b', values: ['1'] }, { name: 'x-a', values: ['2'] }], queryStrings: [{ key: 'k', value: 'v' }, { value: 'w' }] },
      { name: 'r', paths: ['/r'], action: RouteAction.redirect({ host: 'r.example.com', path: '/new/#{path}' }) },
      { name: 'f', paths: ['/f'], action: RouteAction.fixedResponse(503, { contentType: 'application/json', body: '{}' }) },
    ],
  })],
  ['weighted with group stickiness, target-group variety', () => ({
    routes: [
      {
        name: 'blue',
        paths: ['/app/*'],
        action: RouteAction.weightedForward([{ route: 'blue', weight: 3 }, { route: 'green', weight: 1 }], 120),
        stickiness: { type: StickinessType.APPLICATION_COOKIE, cookieName: 'S', durationSeconds: 60 },
      },
      { name: 'green', port: 8081, targetType: TargetType.INSTANCE, requestDuration: RequestDuration.LONG, deregistrationDelaySeconds: 0 },
      {
        name: 'wr',
        paths: ['/wr'],
        algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM,
        anomalyMitigation: true,
        healthCheck: { port: 9000, path: '/ok', healthyHttpCodes: '200,204', intervalSeconds: 6, timeoutSeconds: 2 },
      },
      { name: 'slow', paths: ['/slow'], slowStartSeconds: 30, stickiness: { type: StickinessType.LOAD_BALANCER_COOKIE } },
    ],
    defaultAction: RouteAction.forward('green'),
  })],
  ['existing WAF, imported log bucket with prefix, physical name, attributes', (h) => ({
    waf: { webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/x/abc' },
    accessLogBucket: s3.Bucket.fromBucketName(h.stack, 'Logs', 'central-logs'),
    accessLogs: { prefix: 'lb' },
    loadBalancerName: 'named-lb',
    idleTimeoutSeconds: 120,
    http2: false,
    deletionProtection: false,
    xForwardedForClientPort: true,
  })],
];

describe('round trip: the reader rebuilds the planned model from the template', () => {
  test.each(VARIANTS)('%s', (_name, extra) => {
    const h = harness();
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, extra(h)));
    const template = h.app.synth().getStackByName('Stack').template;
    const { models } = readSynthesized(template, 'Stack.template.json');
    expect(models).toHaveLength(1);
    expect(normalizeModel(models[0])).toEqual(normalizeModel(lb._plan.model));
  });
});
