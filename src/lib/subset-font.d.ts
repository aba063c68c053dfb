/** subset-font ships no types; the options src/lib/fonts.ts and src/lib/urdu-font.ts use (see its README). */
declare module 'subset-font' {
  export interface SubsetOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    noHinting?: boolean;
    preserveNameIds?: number[];
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    /** OpenType feature tags to keep; every feature when left out. */
    keepFeatures?: string[];
    /** Keep every glyph (the text must then be empty): a format conversion. */
    keepAllGlyphs?: boolean;
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Uint8Array>;
}
