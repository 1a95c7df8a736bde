export * from './compile';
export * from './unsupported';
export * from './haproxy-process';
export * from './haproxy-runtime';
export * from './network';
