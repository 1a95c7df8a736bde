import { cfnTemplate, tfConfig } from './fixtures';
import { nlbConfig, nlbTemplate } from './network-fixtures';
import { AnyLoadBalancerModel } from '../../src/core/model/any-load-balancer-model';
import { LbkitConfigError, readCloudFormation, readTerraform } from '../../src/readers';

/** The LCU reservation (`MinimumLoadBalancerCapacity` / `minimum_load_balancer_capacity`) read back on both kinds. */

const units = (models: AnyLoadBalancerModel[]) => models.map((m) => m.minimumCapacityUnits);

describe.each([
  ['application', cfnTemplate, tfConfig],
  ['network', nlbTemplate, nlbConfig],
])('the LCU reservation of an %s load balancer', (_kind, template, config) => {
  test('absent: no reservation (AWS\'s default), and the model has no such field', () => {
    expect(units(readCloudFormation(template()))).toEqual([undefined]);
    expect('minimumCapacityUnits' in readCloudFormation(template())[0]).toBe(false);
    expect('minimumCapacityUnits' in readTerraform(config())[0]).toBe(false);
  });

  test('both readers read the units; a numeric string and a block list read alike', () => {
    const t = template();
    t.Resources.Lb.Properties.MinimumLoadBalancerCapacity = { CapacityUnits: 6000 };
    expect(units(readCloudFormation(t))).toEqual([6000]);
    t.Resources.Lb.Properties.MinimumLoadBalancerCapacity = { CapacityUnits: '6000' };
    expect(units(readCloudFormation(t))).toEqual([6000]);
    const c = config();
    c.resource.aws_lb.lb.minimum_load_balancer_capacity = { capacity_units: 6000 };
    expect(units(readTerraform(c))).toEqual([6000]);
    c.resource.aws_lb.lb.minimum_load_balancer_capacity = [{ capacity_units: 6000 }];
    expect(units(readTerraform(c))).toEqual([6000]);
  });

  test('a value that is not a number is refused with the load balancer and the key', () => {
    const message = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(LbkitConfigError);
        return (e as Error).message;
      }
      throw new Error('expected a config error');
    };
    const t = template();
    t.Resources.Lb.Properties.MinimumLoadBalancerCapacity = { CapacityUnits: 'lots' };
    expect(message(() => readCloudFormation(t))).toMatch(/load balancer Lb MinimumLoadBalancerCapacity\.CapacityUnits: expected a number, got "lots"/);
    const c = config();
    c.resource.aws_lb.lb.minimum_load_balancer_capacity = { capacity_units: 'lots' };
    expect(message(() => readTerraform(c))).toMatch(/load balancer aws_lb\.lb minimum_load_balancer_capacity\.capacity_units: expected a number, got "lots"/);
  });
});
