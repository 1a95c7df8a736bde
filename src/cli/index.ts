export * from './cli-error';
export * from './mapping';
export * from './diff';
export * from './serve';
export * from './program';
