import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { UiLanguage } from '../../shared/languages.ts';

const require = createRequire(import.meta.url);

/** A font file shipped in an npm package's `fonts/` folder, or null when the package is not installed. */
function packageFont(pkg: string, file: string): string | null {
  try {
    const full = path.resolve(path.dirname(require.resolve(pkg)), '../fonts', file);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

export interface CjkPdf {
  doc: PDFKit.PDFDocument;
  /** Selects the first font that has every character of `text` (a Macao name may need the traditional face). */
  use(text: string): PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/**
 * An A4 landscape pdfkit document with Noto Sans Hans and Hant from npm (@embedpdf/fonts-sc, -tc), the
 * reader's script first; pdfkit embeds only the glyphs used. The certificates of training and contests
 * draw on it.
 */
export function startCjkPdf(language: UiLanguage, info: { title: string }): CjkPdf {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 60, info: { Title: info.title, Author: 'EduBridge' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const hans = packageFont('@embedpdf/fonts-sc', 'NotoSansHans-Regular.otf');
  const hant = packageFont('@embedpdf/fonts-tc', 'NotoSansHant-Regular.otf');
  const fonts = (language === 'zh-Hant' ? [hant, hans] : [hans, hant]).filter((f): f is string => f !== null);
  fonts.forEach((f, i) => doc.registerFont(`cjk${i}`, f));
  const use = (text: string) => {
    for (let i = 0; i < fonts.length; i++) {
      doc.font(`cjk${i}`);
      const face = (doc as unknown as { _font: { font?: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
      if (!face || [...text].every((ch) => /\s/.test(ch) || face.hasGlyphForCodePoint(ch.codePointAt(0)!))) return doc;
    }
    return fonts.length ? doc.font('cjk0') : doc.font('Helvetica');
  };
  return {
    doc,
    use,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

/** The calendar day of a moment in Guangdong, Hong Kong and Macao (all UTC+8), as YYYY-MM-DD. */
export function bayAreaDay(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
