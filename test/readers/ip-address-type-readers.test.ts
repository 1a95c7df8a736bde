import { cfnTemplate, tfConfig } from './fixtures';
import { nlbConfig, nlbTemplate } from './network-fixtures';
import { LbkitConfigError, readCloudFormation, readTerraform } from '../../src/readers';

/** The IP address type (`IpAddressType` / `ip_address_type`) read back as written on both kinds; absent is AWS's ipv4. */

describe.each([
  ['application', cfnTemplate, tfConfig],
  ['network', nlbTemplate, nlbConfig],
])('the IP address type of an %s load balancer', (_kind, template, config) => {
  test('absent: ipv4; each type AWS offers is kept as written (dualstack-without-public-ipv4 is not folded into dualstack)', () => {
    const t = template();
    delete t.Resources.Lb.Properties.IpAddressType;
    expect(readCloudFormation(t)[0].ipAddressType).toBe('ipv4');
    const c = config();
    delete c.resource.aws_lb.lb.ip_address_type;
    expect(readTerraform(c)[0].ipAddressType).toBe('ipv4');
    for (const type of ['ipv4', 'dualstack', 'dualstack-without-public-ipv4']) {
      t.Resources.Lb.Properties.IpAddressType = type;
      c.resource.aws_lb.lb.ip_address_type = type;
      expect([readCloudFormation(t)[0].ipAddressType, readTerraform(c)[0].ipAddressType]).toEqual([type, type]);
    }
  });

  test('a type AWS does not offer is refused, naming the load balancer', () => {
    const t = template();
    t.Resources.Lb.Properties.IpAddressType = 'ipv6';
    expect(() => readCloudFormation(t)).toThrow(LbkitConfigError);
    expect(() => readCloudFormation(t)).toThrow(/has IP address type "ipv6"; expected one of ipv4, dualstack, dualstack-without-public-ipv4/);
    const c = config();
    c.resource.aws_lb.lb.ip_address_type = 'ipv6';
    expect(() => readTerraform(c)).toThrow(/has IP address type "ipv6"; expected one of ipv4, dualstack, dualstack-without-public-ipv4/);
  });
});
