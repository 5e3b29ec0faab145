import { translate } from '../../http/i18n.ts';
import { bayAreaDay as day, startCjkPdf } from '../../pdf/cjk-pdf.ts';
import type { UiLanguage } from '../../../shared/languages.ts';

/**
 * The award certificate, rendered the way training renders its certificate (pdfkit, Noto Sans Hans/Hant
 * from npm, first font that has every glyph). It carries the "not for admissions use" line the ministry's
 * rules ask of competition results.
 */
export interface AwardCertificateData {
  language: UiLanguage;
  holderNames: string[];
  contestName: string;
  entryTitle: string;
  award: string;
  organiserName: string;
  publishedAt: Date;
  entryCode: string;
}

export async function renderAwardCertificatePdf(data: AwardCertificateData): Promise<Buffer> {
  const { doc, use, finish } = startCjkPdf(data.language, { title: data.contestName });
  const L = (key: string) => translate(data.language, `contests.certificate.${key}`) ?? key;
  const width = doc.page.width - 120;
  const line = (text: string, size: number, color = '#000') =>
    use(text).fontSize(size).fillColor(color).text(text, { width, align: 'center' });

  doc
    .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
    .lineWidth(2)
    .stroke('#8a1c1c');
  doc.y = 80;
  use(L('title')).fontSize(30).fillColor('#8a1c1c').text(L('title'), 60, doc.y, { width, align: 'center' });
  doc.moveDown(1);
  line(L('awardedTo'), 14, '#444');
  line(data.holderNames.join('、'), 24);
  doc.moveDown(0.5);
  line(`${L('inContest')} ${data.contestName}`, 16, '#444');
  line(`《${data.entryTitle}》`, 16);
  doc.moveDown(0.5);
  line(data.award, 28, '#8a1c1c');
  doc.moveDown(0.8);
  line(
    `${L('organiser')}: ${data.organiserName}    ${L('issuedOn')}: ${day(data.publishedAt)}    ${L('entryCode')}: ${data.entryCode}`,
    11,
  );
  doc.moveDown(0.8);
  line(L('notForAdmissions'), 10, '#666');
  return finish();
}
