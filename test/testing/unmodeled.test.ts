import { ENGINES, removeTempDirs } from './engines';
import { startLocalLoadBalancer } from '../../src/testing';

afterAll(removeTempDirs);

/** Adds an argument or attribute lbkit does not model to the web-api example's load balancer, as each engine writes it. */
function withPreserveHostHeader(engine: 'cloudformation' | 'terraform', json: Record<string, any>): string {
  if (engine === 'terraform') {
    const [name, lb] = Object.entries<any>(json.resource.aws_lb)[0];
    lb.preserve_host_header = true;
    return `aws_lb.${name}`;
  }
  const [id, lb] = Object.entries<any>(json.Resources).find(([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer')!;
  lb.Properties.LoadBalancerAttributes.push({ Key: 'routing.http.preserve_host_header.enabled', Value: 'true' });
  return id;
}

describe.each(ENGINES)('startLocalLoadBalancer on $engine output with an override lbkit does not model', (e) => {
  test('starts, ignores it and hands it over as unmodeled (the kit prints nothing)', async () => {
    const json = e.webApiJson();
    const resource = withPreserveHostHeader(e.engine, json);
    const lb = await startLocalLoadBalancer(json);
    try {
      expect(lb.unmodeled).toEqual([{
        resource,
        resourceType: e.engine === 'terraform' ? 'aws_lb' : 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        property: e.engine === 'terraform' ? 'preserve_host_header' : 'LoadBalancerAttributes[routing.http.preserve_host_header.enabled]',
      }]);
    } finally {
      await lb.close();
    }
  });

  test('the example as synthesized has nothing unmodeled', async () => {
    const lb = await startLocalLoadBalancer(e.webApiJson());
    try {
      expect(lb.unmodeled).toEqual([]);
    } finally {
      await lb.close();
    }
  });
});
