export * from './network-compile';
