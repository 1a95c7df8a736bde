/**
 * The load balancer every synthesis variant builds, as plain data: one ALB in a fixed
 * environment (literal VPC, subnets, hosted zone, region), one managed certificate, one alias
 * record, and `routeCount` routes of the shape most web APIs have — a path prefix per service,
 * its own port, one IP target. Everything else takes lbkit's defaults, which the hand-written
 * variants spell out (src/core/defaults.ts).
 */

/** The fixed environment (literals, so no variant looks anything up). */
export const SCENARIO_ENV = {
  account: '111111111111',
  region: 'eu-west-1',
  vpcId: 'vpc-0123456789abcdef0',
  vpcCidrBlock: '10.0.0.0/16',
  subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
  hostedZoneId: 'Z0123456789EXAMPLE',
  zoneName: 'example.com',
  domainName: 'api.example.com',
} as const;

/** Stack names: `Stack` on CloudFormation, `stack` on Terraform; the load balancer's construct id is `Api`. */
export const CDK_STACK = 'Stack';
export const TF_STACK = 'stack';
export const LOAD_BALANCER_ID = 'Api';

/** One route of the scenario. */
export interface ScenarioRoute {
  /** `svc<n>`, from 1. */
  readonly name: string;
  /** `/svc<n>/*`. */
  readonly path: string;
  /** Port of the route's targets, one per route (so the security group grows with routes too). */
  readonly port: number;
  /** Address of the route's one IP target. */
  readonly targetIp: string;
}

export interface Scenario {
  readonly routeCount: number;
  readonly routes: ScenarioRoute[];
}

/** First target port; route n listens on FIRST_PORT + n - 1. */
const FIRST_PORT = 8001;

/** The scenario with `routeCount` routes (1–250: one /24 of target addresses per 250). */
export function scenario(routeCount: number): Scenario {
  if (!Number.isInteger(routeCount) || routeCount < 1 || routeCount > 250) {
    throw new RangeError(`route count must be a whole number from 1 to 250, got ${routeCount}`);
  }
  const routes = Array.from({ length: routeCount }, (_, i): ScenarioRoute => ({
    name: `svc${i + 1}`,
    path: `/svc${i + 1}/*`,
    port: FIRST_PORT + i,
    targetIp: `10.0.1.${i + 1}`,
  }));
  return { routeCount, routes };
}
