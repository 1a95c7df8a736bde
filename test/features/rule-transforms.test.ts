import { LbkitValidationError } from '../../src/core/errors';
import { RuleModel } from '../../src/core/model/load-balancer-model';
import { expectCloudFormationAndCdktnReadAsPlanned, TERRAFORM } from '../support/engines';
import { REWRITE_OPTIONS, rewriteOutputs } from '../support/rule-transforms';

/** Rule transforms on the engines whose provider has them (CloudFormation, lbkit/cdktn) and the refusal on lbkit/cdktf. */
const EXPECTED: Record<string, RuleModel['transforms']> = {
  legacy: [{ type: 'url-rewrite', regex: '^/old/(.*)$', replace: '/new/$1' }],
  tenant: [{ type: 'host-header-rewrite', regex: '^([a-z0-9-]+)\\.example\\.org$', replace: '$1.internal.example.com' }],
  both: [
    { type: 'host-header-rewrite', regex: '^api\\.example\\.com$', replace: 'backend.example.com' },
    { type: 'url-rewrite', regex: '^/both/v(\\d+)/(.*)$', replace: '/api/$2?version=$1' },
  ],
  broken: [{ type: 'url-rewrite', regex: '^/broken/(.*)$', replace: 'no-slash/$1' }],
};

const { cloudformation: cfn, cdktn: tn } = rewriteOutputs();

const resourcesOf = (output: Record<string, any>, type: string): Array<[string, any]> => (output.Resources
  ? Object.entries(output.Resources as Record<string, any>).filter(([, r]) => r.Type === type).map(([id, r]) => [id, r.Properties])
  : Object.entries((output.resource?.[type] ?? {}) as Record<string, any>));

test('CloudFormation: each rewriting rule has Transforms, one rewrite per transform; the plain rule none', () => {
  const rules = resourcesOf(cfn.output, 'AWS::ElasticLoadBalancingV2::ListenerRule');
  const legacy = rules.find(([id]) => id.includes('Rulelegacy'))![1];
  expect(legacy.Transforms).toEqual([{ Type: 'url-rewrite', UrlRewriteConfig: { Rewrites: [{ Regex: '^/old/(.*)$', Replace: '/new/$1' }] } }]);
  const both = rules.find(([id]) => id.includes('Ruleboth'))![1];
  expect(both.Transforms.map((t: any) => [t.Type, Object.keys(t).sort()])).toEqual([
    ['host-header-rewrite', ['HostHeaderRewriteConfig', 'Type']], ['url-rewrite', ['Type', 'UrlRewriteConfig']],
  ]);
  expect(rules.find(([id]) => id.includes('Ruleplain'))![1].Transforms).toBeUndefined();
});

test('cdktn: aws_lb_listener_rule transform blocks with a single rewrite block (hashicorp/aws 6.x); the plain rule none', () => {
  const rules = Object.fromEntries(resourcesOf(tn.output, 'aws_lb_listener_rule'));
  const tenant = Object.entries(rules).find(([id]) => id.includes('tenant'))![1];
  expect(tenant.transform).toEqual([{
    type: 'host-header-rewrite',
    host_header_rewrite_config: { rewrite: { regex: '^([a-z0-9-]+)\\.example\\.org$', replace: '$1.internal.example.com' } },
  }]);
  const legacy = Object.entries(rules).find(([id]) => id.includes('legacy'))![1];
  expect(legacy.transform).toEqual([{ type: 'url-rewrite', url_rewrite_config: { rewrite: { regex: '^/old/(.*)$', replace: '/new/$1' } } }]);
  expect(Object.entries(rules).find(([id]) => id.includes('plain'))![1].transform).toBeUndefined();
  expect(tn.output.terraform.required_providers.aws.version).toMatch(/^6\./);
});

test('read(cloudformation) == read(cdktn) == plan, transforms included and none left unmodeled', () => {
  const tnModel = expectCloudFormationAndCdktnReadAsPlanned(cfn, tn);
  const rules = tnModel.listeners.flatMap((l) => l.rules);
  expect(Object.fromEntries(rules.filter((r) => r.transforms).map((r) => [r.route, r.transforms]))).toEqual(EXPECTED);
});

test('cdktf (hashicorp/aws 5.100.0) refuses a rewrite at synth time, naming the path, the option and the provider it needs', () => {
  let error: unknown;
  try {
    TERRAFORM.synth({ ...REWRITE_OPTIONS, routes: REWRITE_OPTIONS.routes!.filter((r) => r.name === 'legacy' || r.name === 'plain') });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(LbkitValidationError);
  const e = error as LbkitValidationError;
  expect(e.constructPath).toBe('stack/Api');
  expect(e.option).toBe('routes["legacy"].rewrite.url');
  expect(e.message).toContain('hashicorp/aws 5.100.0');
  expect(e.message).toContain('hashicorp/aws 6.x — use lbkit/cdktn or the CloudFormation engine');
  expect(e.message).toContain('"regex":"^/old/(.*)$"');
});
