// The `stopword` package ships no type declarations; this declares the part we use.
declare module 'stopword' {
  export const eng: string[];
  export const por: string[];
  export const zho: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}
