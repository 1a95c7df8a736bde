export * from './admin-server';
export * from './prometheus';
