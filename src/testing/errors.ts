/**
 * Bad input to the testing kit: a stack with no lbkit load balancer, a route or target group
 * the load balancer does not have, several load balancers and none chosen. One line that
 * names the stack (or file) and the route.
 */
export class TestingKitError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'TestingKitError';
  }
}
