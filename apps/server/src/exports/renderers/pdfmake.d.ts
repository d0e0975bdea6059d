/** The part of pdfmake 0.3's server API Fokus uses (the package ships no types). */
declare module 'pdfmake' {
  export type PdfContent = string | PdfContent[] | { [key: string]: unknown };
  export interface PdfDocument {
    getBuffer(): Promise<Buffer>;
  }
  export interface PdfMake {
    virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(allowed: (url: string) => boolean): void;
    setLocalAccessPolicy(allowed: (path: string) => boolean): void;
    createPdf(definition: { content: PdfContent; [key: string]: unknown }): PdfDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
