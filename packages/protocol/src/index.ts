export * from './limits.ts';
export * from './commands.ts';
export * from './errors.ts';
export * from './views.ts';
export * from './socket-events.ts';
export * from './http.ts';
export * from './design.ts';
export * from './series.ts';
