import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { runCli } from '../../src/cli';
import { bufferIo, synthWebApi } from '../cli/support';
import { lbkitProcess } from '../support/compiled';

/**
 * Malformed or unsupported input to `lbkit serve` and `lbkit diff`: each gives exactly one
 * line on stderr, `lbkit: <file>: <what is wrong>`, nothing on stdout, and exit status 2.
 * The engine-specific cases mutate the web-api example as each engine synthesized it.
 * test/cli/cli.test.ts covers serve with not-JSON, neither engine, no load balancer and a
 * directory; these add diff, the empty file, other wrong shapes and unsupported properties.
 */
let example: ReturnType<typeof synthWebApi>;
beforeAll(() => { example = synthWebApi(); });
afterAll(() => rmSync(example.dir, { recursive: true, force: true }));

const neverServes = { onServing: async () => { throw new Error('should not serve'); } };

function write(name: string, content: string): string {
  const path = join(example.dir, name);
  writeFileSync(path, content);
  return path;
}

/** A copy of an engine's output with `change` applied, written next to it. */
function mutated(engine: 'cloudFormation' | 'terraform', name: string, change: (output: any) => void): string {
  const output = JSON.parse(readFileSync(example[engine], 'utf8'));
  change(output);
  return write(`${engine}-${name}.json`, JSON.stringify(output));
}

const ofType = (template: any, type: string) => Object.values<any>(template.Resources).filter((r) => r.Type === type);

/** [name, the bad file, what the message says after `lbkit: <file>: `]. */
const CASES: Array<[string, () => string, RegExp]> = [
  ['an empty file', () => write('empty.json', ''), /^not JSON \(Unexpected end of JSON input\)$/],
  ['whitespace only', () => write('blank.json', ' \n\t\n'), /^not JSON \(/],
  ['truncated JSON', () => write('truncated.json', '{"Resources": {"Lb": {"Type": "AWS::Elastic'), /^not JSON \(/],
  ['a byte-order mark before the JSON', () => write('bom.json', '\ufeff{"Resources": {}}'), /^not JSON \(/],
  ['a directory', () => { mkdirSync(join(example.dir, 'a-dir'), { recursive: true }); return join(example.dir, 'a-dir'); }, /^cannot read \(is a directory\)$/],
  ['a JSON array', () => write('array.json', '[{"Resources": {}}]'), /^neither a CloudFormation template .* nor Terraform JSON/],
  ['a JSON string', () => write('string.json', '"cdk.out/Stack.template.json"'), /^neither a CloudFormation template/],
  ['JSON null', () => write('null.json', 'null'), /^neither a CloudFormation template/],
  ['"Resources" as a list', () => write('resources-list.json', '{"Resources": [{"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer"}]}'), /^neither a CloudFormation template/],
  ['a resource without a Type', () => write('no-type.json', '{"Resources": {"Lb": {"Properties": {}}}}'), /^CloudFormation template: resource Lb has no Type$/],
  ['CloudFormation: LoadBalancerAttributes that is not a list of Key/Value', () => mutated('cloudFormation', 'attributes', (t) => {
    ofType(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer')[0].Properties.LoadBalancerAttributes = [null, 3];
  }), /^CloudFormation template: load balancer .* LoadBalancerAttributes: expected a list of \{ "Key": \.\.\., "Value": \.\.\. \}, got null$/],
  ['"resource" with no load balancer', () => write('tf-empty.json', '{"terraform": {}, "resource": {"aws_s3_bucket": {"b": {}}}}'),
    /^Terraform configuration: no application or network load balancer found/],
  ['CloudFormation: an authenticate-oidc action before a listener\'s default action', () => mutated('cloudFormation', 'oidc', (t) => {
    const listener = ofType(t, 'AWS::ElasticLoadBalancingV2::Listener')[0];
    listener.Properties.DefaultActions = [{ Type: 'authenticate-oidc', Order: 1, AuthenticateOidcConfig: { Issuer: 'https://idp.example.com' } },
      ...listener.Properties.DefaultActions.map((a: any) => ({ ...a, Order: 2 }))];
  }), /^CloudFormation template: .*unsupported action type "authenticate-oidc"; lbkit reads forward, redirect and fixed-response actions here$/],
  ['CloudFormation: a rule condition on an unknown field', () => mutated('cloudFormation', 'condition', (t) => {
    ofType(t, 'AWS::ElasticLoadBalancingV2::ListenerRule')[0].Properties.Conditions.push({ Field: 'request-body', Values: ['x'] });
  }), /^CloudFormation template: .*unsupported condition field "request-body"$/],
  ['CloudFormation: a health-check interval that is not a number', () => mutated('cloudFormation', 'interval', (t) => {
    ofType(t, 'AWS::ElasticLoadBalancingV2::TargetGroup')[0].Properties.HealthCheckIntervalSeconds = 'fast';
  }), /^CloudFormation template: target group .* HealthCheckIntervalSeconds: expected a number, got "fast"$/],
  ['Terraform: an authenticate-cognito action before a listener\'s default action', () => mutated('terraform', 'cognito', (c) => {
    const listener: any = Object.values(c.resource.aws_lb_listener)[0];
    listener.default_action = [{ type: 'authenticate-cognito', order: 1, authenticate_cognito: { user_pool_arn: 'arn', user_pool_client_id: 'id', user_pool_domain: 'd' } },
      ...listener.default_action.map((a: any) => ({ ...a, order: 2 }))];
  }), /^Terraform configuration: .*unsupported action type "authenticate-cognito"; lbkit reads forward, redirect and fixed-response actions here$/],
  ['Terraform: a TCP listener on the application load balancer', () => mutated('terraform', 'tcp', (c) => {
    const listener: any = Object.values(c.resource.aws_lb_listener)[0];
    listener.protocol = 'TCP';
  }), /^Terraform configuration: listener .* uses protocol TCP; an application load balancer is read with HTTP and HTTPS listeners only$/],
  ['Terraform: an idle timeout that is not a number', () => mutated('terraform', 'idle', (c) => {
    (Object.values(c.resource.aws_lb)[0] as any).idle_timeout = 'long';
  }), /^Terraform configuration: load balancer .* idle_timeout: expected a number, got "long"$/],
];

/** Asserts the one-line error of a bad file: `lbkit: <file>: <message>`, stdout empty. */
function expectOneLineError(r: { code: number | null; stdout: string; stderr: string }, file: string, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`lbkit: ${file}: `)).toBe(true);
  expect(lines[0].slice(`lbkit: ${file}: `.length)).toMatch(message);
}

async function run(...args: string[]) {
  const io = bufferIo();
  const code = await runCli(args, io, neverServes);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe.each(['serve', 'diff first', 'diff second'] as const)('lbkit %s', (form) => {
  test.each(CASES)('%s: one line naming the file, exit 2', async (_name, bad, message) => {
    const file = bad();
    const good = example.cloudFormation;
    const args = form === 'serve' ? ['serve', file] : form === 'diff first' ? ['diff', file, good] : ['diff', good, file];
    expectOneLineError(await run(...args), file, message);
  });
});

test('lbkit serve: a load balancer with no listeners has nothing to serve (one line, exit 2); diff reads it', async () => {
  const file = write('no-listeners.json', '{"Resources": {"Lb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer"}}}');
  expectOneLineError(await run('serve', file), file, /^load balancer Lb has no listeners: nothing to serve$/);
  expect((await run('diff', file, file)).code).toBe(0);
});

test('the real lbkit process: an empty file to serve, an unsupported Terraform property to diff, a directory to serve — one line each, exit 2', async () => {
  const byName = (start: string) => CASES.find(([name]) => name.startsWith(start))!;
  const [empty, cognito, directory] = [byName('an empty file'), byName('Terraform: an authenticate-cognito'), byName('a directory')];
  const runs = [
    ['serve', empty[1](), empty[2]],
    ['diff', cognito[1](), cognito[2]],
    ['serve', directory[1](), directory[2]],
  ] as const;
  // In parallel: each process pays node's (or ts-node's) start-up.
  const results = await Promise.all(runs.map(([command, file]) => (command === 'diff'
    ? lbkitProcess('diff', example.cloudFormation, file)
    : lbkitProcess('serve', file))));
  results.forEach((r, i) => expectOneLineError(r, runs[i][1], runs[i][2]));
}, 90_000);
