import QRCode from 'qrcode';
import { translate } from '../../http/i18n.ts';
import { bayAreaDay as day, startCjkPdf } from '../../pdf/cjk-pdf.ts';
import type { UiLanguage } from '../../../shared/languages.ts';

/**
 * The printable certificate: holder, programme, credit hours, organiser, date, and a QR code to the public
 * verification page. The PDF is a convenience copy; the signed JSON credential is what verifies.
 * Fonts: Noto Sans Hans/Hant from npm (@embedpdf/fonts-sc, -tc); pdfkit embeds only the glyphs used.
 */
export interface CertificatePdfData {
  language: UiLanguage;
  holderName: string;
  programmeTitle: string;
  organiserName: string;
  creditHours: number;
  issuedAt: Date;
  credentialId: string;
  verifyUrl: string;
  revoked: boolean;
}

/** @example const bytes = await renderCertificatePdf({ language: 'zh-Hant', holderName: '陳老師', … }) */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const { doc, use, finish } = startCjkPdf(data.language, { title: data.programmeTitle });
  const L = (key: string) => translate(data.language, `training.certificate.${key}`) ?? key;
  const width = doc.page.width - 120;

  doc
    .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
    .lineWidth(2)
    .stroke('#1f4e79');
  doc.y = 80;
  use(L('title')).fontSize(30).fillColor('#1f4e79').text(L('title'), 60, doc.y, { width, align: 'center' });
  doc.moveDown(1);
  use(L('awardedTo')).fontSize(14).fillColor('#444').text(L('awardedTo'), { width, align: 'center' });
  use(data.holderName).fontSize(26).fillColor('#000').text(data.holderName, { width, align: 'center' });
  doc.moveDown(0.6);
  use(L('forCompleting')).fontSize(14).fillColor('#444').text(L('forCompleting'), { width, align: 'center' });
  use(data.programmeTitle).fontSize(20).fillColor('#000').text(data.programmeTitle, { width, align: 'center' });
  doc.moveDown(0.8);
  const facts = `${L('creditHours')}: ${data.creditHours}    ${L('organiser')}: ${data.organiserName}    ${L('issuedOn')}: ${day(data.issuedAt)}`;
  use(facts).fontSize(12).fillColor('#000').text(facts, { width, align: 'center' });
  if (data.revoked) {
    doc.moveDown(0.5);
    use(L('revoked')).fontSize(16).fillColor('#b00020').text(L('revoked'), { width, align: 'center' });
  }
  const qr = await QRCode.toBuffer(data.verifyUrl, { type: 'png', margin: 1, width: 240 });
  const qrY = doc.page.height - 200;
  doc.image(qr, doc.page.width - 200, qrY, { width: 120 });
  const foot = `${L('verifyAt')}: ${data.verifyUrl}\n${L('credentialId')}: ${data.credentialId}`;
  use(foot)
    .fontSize(9)
    .fillColor('#444')
    .text(foot, 60, qrY + 60, { width: width - 160 });
  return finish();
}
