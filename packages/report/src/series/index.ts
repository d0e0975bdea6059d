/** The compiled report of a series (parallel rooms, one theme): its model, builder, words and outline. */
export * from './model.ts';
export * from './build-series.ts';
export * from './build-vote.ts';
export * from './words.ts';
export * from './series-blocks.ts';
