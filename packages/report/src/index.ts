/** The documentation of a workshop: one pure model that every export format and the printable page render. */
export * from './model.ts';
export * from './build.ts';
export * from './words.ts';
export * from './blocks.ts';
export * from './outline.ts';
export * from './series/index.ts';
