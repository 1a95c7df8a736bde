export * from './compile';
export * from './unsupported';
export * from './haproxy-process';
export * from './haproxy-runtime';
export * from './haproxy-plane';
export * from './write-files';
export * from './network';
export * from './compile-any';
