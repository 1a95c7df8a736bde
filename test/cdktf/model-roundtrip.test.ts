import { rmSync } from 'fs';
import { Testing } from 'cdktf';
import { synthExample } from './example-synth';
import { CERT_ARN, CERT_ARN_2, harness, minimalProps, ZONE_ID } from './fixtures';
import { WebApiLoadBalancer, WebApiLoadBalancerProps } from '../../src/cdktf';
import { LoadBalancingAlgorithm, RequestDuration, RouteAction, StickinessType } from '../../src/core';
import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { readTerraform } from '../../src/readers';

/** The contract (notes/CONTRACT.md): reading the Terraform JSON back gives the planned model. */
describe('read(terraform) == plan(options) for the cdktf renderer', () => {
  test('the web-api example', () => {
    const { dir, text, loadBalancer } = synthExample();
    rmSync(dir, { recursive: true, force: true });
    expect(normalizeModel(readTerraform(JSON.parse(text)))).toEqual([normalizeModel(loadBalancer._plan.model)]);
  });

  const variants: [string, Partial<WebApiLoadBalancerProps>][] = [
    ['defaults', {}],
    ['internal, dual stack, no redirect, named', { internetFacing: false, allowedCidrs: ['10.0.0.0/8', 'fd00::/8'], dualStack: true, redirectHttp: false, loadBalancerName: 'private-api' }],
    ['SNI and managed certificates, aliases', {
      certificateArns: [CERT_ARN, CERT_ARN_2],
      hostedZoneId: ZONE_ID,
      managedCertificates: [{ domainName: 'a.example.com', alternativeNames: ['b.example.com'] }],
      aliasRecordNames: ['a.example.com'],
    }],
    ['every condition and action', {
      routes: [
        { name: 'all', hosts: ['x.example.com'], paths: ['/x'], methods: ['GET'], sourceIps: ['10.0.0.0/8'], headers: [{ name: 'x-a', values: ['1'] }] },
        { name: 'q', queryStrings: [{ key: 'k', value: 'v' }, { value: 'w' }], stickiness: { type: StickinessType.APPLICATION_COOKIE, cookieName: 'S' } },
        { name: 'w', paths: ['/w'], action: RouteAction.weightedForward([{ route: 'w', weight: 3 }, { route: 'web', weight: 1 }], 60) },
        { name: 'r', paths: ['/r'], action: RouteAction.redirect({ host: 'r.example.com', status: 'HTTP_302' as any }) },
        { name: 'f', paths: ['/f'], action: RouteAction.fixedResponse(503, { body: 'down' }) },
        { name: 'long', paths: ['/long'], requestDuration: RequestDuration.LONG, deregistrationDelaySeconds: 900 },
        { name: 'wr', paths: ['/wr'], algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM, anomalyMitigation: true, healthCheck: { port: 9000, path: '/ready' } },
        { name: 'slow', paths: ['/slow'], slowStartSeconds: 30, stickiness: { type: StickinessType.LOAD_BALANCER_COOKIE } },
        { name: 'web', port: 3000 },
      ],
      defaultAction: RouteAction.forward('web'),
      loadBalancerHealthResponse: true,
    }],
    ['existing bucket and WAF', { accessLogBucketName: 'logs', accessLogs: { prefix: 'p' }, waf: { webAclArn: 'arn:aws:wafv2:eu-west-1:1:regional/webacl/x/y' } }],
    ['no logs, no WAF, hardening overridden', { accessLogs: { enabled: false }, waf: { enabled: false }, deletionProtection: false, http2: false, idleTimeoutSeconds: 120 }],
  ];

  test.each(variants)('%s', (_name, extra) => {
    const h = harness();
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(extra));
    const tf = JSON.parse(Testing.synth(h.stack));
    expect(normalizeModel(readTerraform(tf))).toEqual([normalizeModel(lb._plan.model)]);
  });
});
