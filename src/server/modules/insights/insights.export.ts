import ExcelJS from 'exceljs';
import type { UiLanguage } from '../../../shared/languages.ts';
import { translate } from '../../http/i18n.ts';
import { startCjkPdf } from '../../pdf/cjk-pdf.ts';
import type { Dashboard } from './insights.dashboard.service.ts';

/** The dashboard as a file a bureau forwards: Excel (one sheet per view) or a printable PDF. */

const tr = (lang: UiLanguage, key: string) => translate(lang, `insights.${key}`) ?? key;
const round = (v: number | null | undefined, unit: string | null) =>
  v === null || v === undefined ? null : Math.round(v * (unit === 'ratio' ? 100 : 10)) / (unit === 'ratio' ? 100 : 10);

export async function dashboardWorkbook(d: Dashboard, lang: UiLanguage): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'EduBridge';
  const header = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 24));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const overview = wb.addWorksheet(tr(lang, 'export.sheets.overview'));
  overview.addRow([
    tr(lang, 'export.columns.indicator'),
    tr(lang, 'export.columns.value'),
    tr(lang, 'export.columns.previous'),
    tr(lang, 'export.columns.target'),
    tr(lang, 'export.columns.unit'),
    tr(lang, 'export.columns.definition'),
  ]);
  for (const i of d.indicators) {
    overview.addRow([
      i.names[lang],
      round(i.current?.value, i.unit),
      round(i.previous?.value, i.unit),
      i.target,
      tr(lang, `units.${i.unit}`),
      i.definitions[lang],
    ]);
  }
  overview.addRow([]);
  overview.addRow([tr(lang, 'export.columns.place'), d.scope.names[lang], tr(lang, 'export.columns.term'), d.term]);
  header(overview);

  const trend = wb.addWorksheet(tr(lang, 'export.sheets.trend'));
  trend.addRow([tr(lang, 'export.columns.indicator'), ...d.terms]);
  for (const i of d.indicators) trend.addRow([i.names[lang], ...i.trend.map((t) => round(t.value, i.unit))]);
  header(trend);

  const ranking = wb.addWorksheet(tr(lang, 'export.sheets.ranking'));
  ranking.addRow([tr(lang, 'export.columns.place'), ...d.indicators.map((i) => i.names[lang])]);
  for (const r of d.ranking) ranking.addRow([r.names[lang], ...d.indicators.map((i) => round(r.values[i.code], i.unit))]);
  header(ranking);

  const gaps = wb.addWorksheet(tr(lang, 'export.sheets.gaps'));
  gaps.addRow([tr(lang, 'export.columns.gap'), tr(lang, 'export.columns.school'), tr(lang, 'export.columns.code')]);
  for (const g of d.gaps) for (const s of g.schools) gaps.addRow([tr(lang, `gaps.${g.kind}.title`), s.names[lang], s.code]);
  header(gaps);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function dashboardPdf(d: Dashboard, lang: UiLanguage): Promise<Buffer> {
  const title = `${tr(lang, 'dashboard.title')} · ${d.scope.names[lang]} · ${d.term}`;
  const pdf = startCjkPdf(lang, { title });
  const { doc, use } = pdf;
  use(title).fontSize(20).text(title);
  doc.moveDown();
  const line = (text: string, size = 11) => use(text).fontSize(size).text(text);
  for (const i of d.indicators) {
    const value = round(i.current?.value, i.unit);
    const previous = round(i.previous?.value, i.unit);
    line(
      `${i.names[lang]}：${value ?? '—'} ${tr(lang, `units.${i.unit}`)}` +
        `（${tr(lang, 'export.columns.previous')} ${previous ?? '—'}；${tr(lang, 'export.columns.target')} ${i.target ?? '—'}）`,
      12,
    );
    line(i.definitions[lang], 9);
    doc.moveDown(0.4);
  }
  doc.moveDown();
  for (const g of d.gaps) line(`${tr(lang, `gaps.${g.kind}.title`)}：${g.total}`, 12);
  return pdf.finish();
}
