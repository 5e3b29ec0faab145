import QRCode from 'qrcode';
import { translate } from '../../http/i18n.ts';
import { bayAreaDay as day, startCjkPdf } from '../../pdf/cjk-pdf.ts';
import type { UiLanguage } from '../../../shared/languages.ts';

/**
 * The award certificate, rendered the way training renders its certificate (pdfkit, Noto Sans Hans/Hant
 * from npm, first font that has every glyph). One page per pupil, each with the QR code and address of that
 * pupil's verifiable credential, and the "not for admissions use" line the ministry's rules ask of
 * competition results.
 */
export interface AwardCertificateData {
  language: UiLanguage;
  holders: { name: string; credentialId: string | null; verifyUrl: string | null; revoked: boolean }[];
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
  const T = (key: string) => translate(data.language, `training.certificate.${key}`) ?? key;
  const width = doc.page.width - 120;
  const line = (text: string, size: number, color = '#000') =>
    use(text).fontSize(size).fillColor(color).text(text, { width, align: 'center' });

  for (const [i, holder] of data.holders.entries()) {
    if (i > 0) doc.addPage();
    doc
      .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
      .lineWidth(2)
      .stroke('#8a1c1c');
    doc.y = 80;
    use(L('title')).fontSize(30).fillColor('#8a1c1c').text(L('title'), 60, doc.y, { width, align: 'center' });
    doc.moveDown(1);
    line(L('awardedTo'), 14, '#444');
    line(holder.name, 24);
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
    if (holder.revoked) {
      doc.moveDown(0.5);
      line(T('revoked'), 16, '#b00020');
    }
    if (holder.verifyUrl && holder.credentialId) {
      const qr = await QRCode.toBuffer(holder.verifyUrl, { type: 'png', margin: 1, width: 240 });
      const qrY = doc.page.height - 200;
      doc.image(qr, doc.page.width - 200, qrY, { width: 120 });
      const foot = `${T('verifyAt')}: ${holder.verifyUrl}\n${T('credentialId')}: ${holder.credentialId}`;
      use(foot)
        .fontSize(9)
        .fillColor('#444')
        .text(foot, 60, qrY + 60, { width: width - 160 });
    }
  }
  return finish();
}
