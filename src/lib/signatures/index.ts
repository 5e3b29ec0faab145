export * from './signatures.ts';
