// The `hyphen` package ships no types; these are the two pattern modules the web app loads lazily.
interface HyphenPatternModule {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
declare module 'hyphen/sv' {
  const api: HyphenPatternModule;
  export default api;
  export const hyphenateSync: HyphenPatternModule['hyphenateSync'];
}
declare module 'hyphen/en-us' {
  const api: HyphenPatternModule;
  export default api;
  export const hyphenateSync: HyphenPatternModule['hyphenateSync'];
}
