import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { translate } from '../../http/i18n.ts';
import type { UiLanguage } from '../../../shared/languages.ts';

/**
 * The printable term report (issue §4): student, term, signatures, a radar chart of the dimensions and
 * the entries that went into the archive. pdfkit embeds only the glyphs used (a subset), so a report
 * with a CJK font stays around 50–100 KB.
 *
 * Fonts come from npm (@embedpdf/fonts-sc and -tc: Noto Sans Hans/Hant, OFL), so a fresh `npm install`
 * renders Chinese; Debian's Noto CJK collection is the fallback when the packages are missing.
 */

export type Script = 'hans' | 'hant';

export interface ReportEntry {
  title: string;
  description: string;
  occurredOn: string;
}

export interface TermReportData {
  language: UiLanguage;
  /** Which Chinese script the student reads: picks the font tried first. */
  script: Script;
  studentName: string;
  studentNumber: string | null;
  schoolName: string;
  className: string | null;
  termName: string;
  archived: boolean;
  studentConfirmedAt: Date | null;
  classTeacher: { name: string; at: Date } | null;
  principal: { name: string; at: Date } | null;
  dimensions: { name: string; count: number; entries: ReportEntry[] }[];
  generatedAt: Date;
}

interface FontSource {
  file: string;
  /** Face name inside a collection (.ttc). */
  family?: string;
}

const require = createRequire(import.meta.url);

function packageFont(pkg: string, file: string): FontSource | null {
  try {
    const main = require.resolve(pkg);
    const full = path.resolve(path.dirname(main), '../fonts', file);
    return existsSync(full) ? { file: full } : null;
  } catch {
    return null;
  }
}

const SYSTEM_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** The fonts for a script, best first: the npm package, then the system collection. */
export function reportFonts(script: Script): FontSource[] {
  const hans = packageFont('@embedpdf/fonts-sc', 'NotoSansHans-Regular.otf');
  const hant = packageFont('@embedpdf/fonts-tc', 'NotoSansHant-Regular.otf');
  const system = existsSync(SYSTEM_CJK)
    ? { file: SYSTEM_CJK, family: script === 'hans' ? 'NotoSansCJKsc-Regular' : 'NotoSansCJKtc-Regular' }
    : null;
  const ordered = script === 'hans' ? [hans, hant, system] : [hant, hans, system];
  const fonts = ordered.filter((f): f is FontSource => f !== null);
  if (!fonts.length) throw new Error('no CJK font: run npm install (@embedpdf/fonts-sc, @embedpdf/fonts-tc)');
  return fonts;
}

const t = (language: UiLanguage, key: string, values: Record<string, string> = {}) =>
  (translate(language, `growth.report.${key}`) ?? key).replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => values[name] ?? '');

const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Renders the report; resolves with the PDF bytes. */
export async function renderTermReport(data: TermReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${t(data.language, 'title')} — ${data.studentName}`, Author: 'EduBridge' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const fonts = reportFonts(data.script);
  fonts.forEach((f, i) => doc.registerFont(`cjk${i}`, f.file, f.family as string));
  /** The first font that has every character of the text (names can be in either script). */
  const use = (text: string) => {
    for (let i = 0; i < fonts.length; i++) {
      doc.font(`cjk${i}`);
      const face = (doc as unknown as { _font: { font?: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
      if (!face || [...text].every((ch) => /\s/.test(ch) || face.hasGlyphForCodePoint(ch.codePointAt(0)!))) return doc;
    }
    return doc.font('cjk0');
  };
  const L = (key: string, values?: Record<string, string>) => t(data.language, key, values);
  const width = doc.page.width - 100;

  use(L('title')).fontSize(20).fillColor('#000').text(L('title'), { align: 'center' });
  use(data.schoolName).fontSize(12).fillColor('#444').text(`${data.schoolName} · ${data.termName}`, { align: 'center' });
  doc.moveDown(1);

  const line = (label: string, value: string) => {
    const text = `${label}: ${value}`;
    use(text).fontSize(11).fillColor('#000').text(text);
  };
  line(L('student'), data.studentName);
  if (data.studentNumber) line(L('studentNumber'), data.studentNumber);
  if (data.className) line(L('class'), data.className);
  line(L('status'), data.archived ? L('archived') : L('draft'));
  if (data.studentConfirmedAt) line(L('confirmedByStudent'), day(data.studentConfirmedAt));
  if (data.classTeacher) line(L('signedByClassTeacher'), `${data.classTeacher.name} ${day(data.classTeacher.at)}`);
  if (data.principal) line(L('signedByPrincipal'), `${data.principal.name} ${day(data.principal.at)}`);
  doc.moveDown(0.5);

  // Radar chart of approved entries per dimension.
  const top = doc.y + 10;
  const cx = 50 + width / 2;
  const cy = top + 120;
  const radius = 95;
  const n = data.dimensions.length;
  const max = Math.max(1, ...data.dimensions.map((d) => d.count));
  const point = (i: number, r: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  };
  use(L('radar'))
    .fontSize(12)
    .fillColor('#000')
    .text(L('radar'), 50, top - 4);
  if (n >= 3) {
    for (const ring of [1 / 3, 2 / 3, 1]) {
      const pts = data.dimensions.map((_, i) => point(i, radius * ring));
      doc
        .polygon(...pts)
        .lineWidth(0.5)
        .strokeColor('#bbbbbb')
        .stroke();
    }
    data.dimensions.forEach((d, i) => {
      const [x, y] = point(i, radius);
      doc.moveTo(cx, cy).lineTo(x, y).lineWidth(0.5).strokeColor('#bbbbbb').stroke();
      const [lx, ly] = point(i, radius + 22);
      const label = `${d.name} (${d.count})`;
      use(label)
        .fontSize(9)
        .fillColor('#000')
        .text(label, lx - 60, ly - 6, { width: 120, align: 'center', lineBreak: false });
    });
    const values = data.dimensions.map((d, i) => point(i, (radius * d.count) / max));
    doc
      .polygon(...values)
      .lineWidth(1.5)
      .fillOpacity(0.25)
      .fillAndStroke('#1677ff', '#1677ff');
    doc.fillOpacity(1);
  }
  doc.x = 50;
  doc.y = cy + radius + 45;

  for (const d of data.dimensions) {
    if (doc.y > doc.page.height - 120) doc.addPage();
    const heading = `${d.name} · ${L('entries', { count: String(d.count) })}`;
    use(heading).fontSize(13).fillColor('#1f3a93').text(heading, 50, doc.y, { width });
    if (!d.entries.length) use(L('none')).fontSize(10).fillColor('#888').text(L('none'), { width });
    for (const e of d.entries) {
      const title = `• ${e.title}  (${e.occurredOn})`;
      use(title).fontSize(10.5).fillColor('#000').text(title, { width });
      if (e.description) use(e.description).fontSize(9.5).fillColor('#444').text(e.description, { width, indent: 10 });
    }
    doc.moveDown(0.6);
  }
  const footer = L('generatedAt', { date: day(data.generatedAt) });
  use(footer)
    .fontSize(8)
    .fillColor('#888')
    .text(footer, 50, doc.y + 10, { width, align: 'right' });
  doc.end();
  return done;
}
