import { all, only, synth } from './fixtures';

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

describe('3. HTTP on 80 only redirects to HTTPS', () => {
  test('port 80 answers every request with a 301 to HTTPS keeping host, path and query', () => {
    const { template } = synth();
    const http = all(template, LISTENER).map((r) => r.Properties).find((p) => p.Port === 80)!;
    expect(http.Protocol).toBe('HTTP');
    expect(http.SslPolicy).toBeUndefined();
    expect(http.Certificates).toBeUndefined();
    expect(http.DefaultActions).toEqual([{
      Type: 'redirect',
      RedirectConfig: { StatusCode: 'HTTP_301', Protocol: 'HTTPS', Host: '#{host}', Port: '443', Path: '/#{path}', Query: '#{query}' },
    }]);
    // No rule hangs off the HTTP listener.
    const httpId = Object.entries(template.findResources(LISTENER)).find(([, r]: [string, any]) => r.Properties.Port === 80)![0];
    for (const rule of all(template, 'AWS::ElasticLoadBalancingV2::ListenerRule')) {
      expect(rule.Properties.ListenerArn).not.toEqual({ Ref: httpId });
    }
  });

  test('redirectHttp: false leaves only the HTTPS listener and closes port 80', () => {
    const { template } = synth({ redirectHttp: false });
    const listener = only(template, LISTENER);
    expect(listener.Port).toBe(443);
    const sg = only(template, 'AWS::EC2::SecurityGroup');
    expect(sg.SecurityGroupIngress.map((r: any) => r.FromPort)).toEqual([443]);
  });
});
