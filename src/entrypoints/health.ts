// Entry point `lbkit/health`: a /health handler for Node services behind the load balancer.
export * from '../health';
