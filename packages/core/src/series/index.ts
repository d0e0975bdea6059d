/** Parallel rooms under one theme (a "Nätverksträff"): types and pure rules; the server stores and runs them. */
export * from './model.ts';
export * from './rules.ts';
export * from './plenary.ts';
