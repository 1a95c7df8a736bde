import { join } from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { harness, minimalProps } from './fixtures';
import { createApp as createFeatureTourApp } from '../../examples/feature-tour-cdk/app';
import { createApp as createPartnerApiApp } from '../../examples/partner-api-cdk/app';
import { createApp } from '../../examples/web-api-cdk/app';
import { WebApiLoadBalancer } from '../../src/aws-cdk';
import { MutualTlsMode, TargetType, TrustStoreObject } from '../../src/core';
import { MTLS_FIXTURES } from '../support/mtls';

/**
 * cdk-nag 3 is an IPolicyValidationPlugin, but aws-cdk-lib 2.257 gives plugins no construct tree
 * (`appConstruct`), so `Validations.of(app).addPlugins(...)` fails at synth with "NagPack requires a
 * construct tree". `validateScope` is cdk-nag's documented direct entry point for that case; it
 * honours acknowledgements made with `Validations.of(resource).acknowledge(...)`.
 */
function nagViolations(scope: Parameters<AwsSolutionsChecks['validateScope']>[0]): { ruleName: string; paths: string[] }[] {
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(scope);
  return report.violations.map((v) => ({
    ruleName: v.ruleName,
    paths: v.violatingResources.map((r: any) => r.constructPath ?? r.resourceLogicalId),
  }));
}

describe('cdk-nag AwsSolutions', () => {
  test('the example has zero findings', () => {
    const app = createApp();
    app.synth();
    expect(nagViolations(app)).toEqual([]);
  });

  test('the feature-tour example (an ALB and an NLB with the options the other examples leave at their defaults) has zero findings', () => {
    const app = createFeatureTourApp();
    app.synth();
    expect(nagViolations(app)).toEqual([]);
  });

  test('the partner-api example (mutual TLS verify, hardened response headers, an OIDC sign-in route) has zero findings and acknowledges nothing new', () => {
    const app = createPartnerApiApp();
    app.synth();
    expect(nagViolations(app)).toEqual([]);
    // The only cdk-nag acknowledgements are the construct's own (EC23 on the public security group, S1 on the log bucket), as in every example.
    const acknowledged = app.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map(() => c.node.path));
    expect(acknowledged.sort()).toEqual(['PartnerApiStack/Api/AccessLogs/Resource', 'PartnerApiStack/Api/SecurityGroup']);
  });

  test('the acknowledged rules carry reasons in code: EC23 on the public security group, S1 on the log bucket', () => {
    const app = createApp();
    const stack = app.node.findChild('WebApiStack');
    const ack = (path: string) => stack.node.findChild('Api').node.findChild(path).node.metadata
      .filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => m.data);
    expect(JSON.stringify(ack('SecurityGroup'))).toMatch(/AwsSolutions-EC23.*internet-facing/);
    const bucket = stack.node.findChild('Api').node.findChild('AccessLogs').node.defaultChild!;
    expect(JSON.stringify(bucket.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => m.data)))
      .toMatch(/AwsSolutions-S1.*access logs/);
  });

  test('an internal load balancer needs no EC23 acknowledgement and has zero findings', () => {
    const h = harness();
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, { internetFacing: false, allowedCidrs: ['10.0.0.0/8'] }));
    h.app.synth();
    expect(nagViolations(h.stack.node.findChild('Api'))).toEqual([]);
    const sg = h.stack.node.findChild('Api').node.findChild('SecurityGroup');
    expect(sg.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules')).toEqual([]);
  });

  test('what the user turns off is reported, not hidden: logs off gives ELB2', () => {
    const h = harness();
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, { accessLogs: { enabled: false } }));
    h.app.synth();
    expect(nagViolations(h.stack.node.findChild('Api')).map((v) => v.ruleName)).toContain('AwsSolutions-ELB2');
  });

  test('a Lambda route (its target group and the invoke permission) has zero findings', () => {
    const h = harness();
    const fn = new lambda.Function(h.stack, 'Fn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
    });
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
      routes: [{ name: 'api', paths: ['/api/*'], port: 8080 }, { name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: fn, healthCheck: {} }],
    }));
    h.app.synth();
    expect(nagViolations(h.stack.node.findChild('Api'))).toEqual([]);
    // The permission CDK's LambdaTarget adds lives with the function: checked too.
    const permission = fn.node.children.find((c) => c.node.id.startsWith('Invoke'))!;
    expect(permission).toBeDefined();
    expect(nagViolations(permission)).toEqual([]);
  });

  test('mutual TLS in verify mode (trust store, revocation, uploaded assets) needs no acknowledgement and has zero findings', () => {
    const h = harness();
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
      mutualTls: {
        mode: MutualTlsMode.VERIFY,
        caBundle: TrustStoreObject.fromFile(join(MTLS_FIXTURES, 'ca.crt')),
        revocationLists: [TrustStoreObject.fromFile(join(MTLS_FIXTURES, 'revoked.crl')), TrustStoreObject.fromS3('my-pki', 'crl.pem')],
      },
    }));
    h.app.synth();
    expect(nagViolations(h.stack.node.findChild('Api'))).toEqual([]);
    const acknowledged = (id: string) => h.stack.node.findChild('Api').node.findChild(id).node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules');
    expect(acknowledged('TrustStore')).toEqual([]);
    expect(acknowledged('TrustStoreRevocation')).toEqual([]);
  });
});
