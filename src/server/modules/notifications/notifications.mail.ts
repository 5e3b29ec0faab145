import nodemailer from 'nodemailer';
import type { MailSettings } from '../../config.ts';
import { translate } from '../../http/i18n.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import { interpolate, notificationTextKey, notificationValues } from '../../../shared/notifications.ts';

export interface NotificationEmail {
  subject: string;
  text: string;
}

/**
 * The e-mail copy of a notification in the recipient's language, worded by the same catalogue entry as the
 * bell. Plain text only: values come from users (titles, comments) and plain text cannot carry markup.
 */
export function renderNotificationEmail(
  n: { kind: string; data: Record<string, unknown>; link: string | null },
  recipient: { displayName: string; locale: UiLanguage },
  publicUrl: string,
): NotificationEmail {
  const lang = recipient.locale;
  const t = (key: string) => translate(lang, key);
  const key = notificationTextKey(n.kind);
  const template = (key && t(key)) ?? t('notifications.fallback') ?? n.kind;
  const message = interpolate(template, notificationValues(n.kind, n.data, t));
  const lines = [interpolate(t('notifications.email.greeting') ?? '{{name}},', { name: recipient.displayName }), '', message];
  if (n.link) lines.push('', interpolate(t('notifications.email.open') ?? '{{url}}', { url: publicUrl + n.link }));
  lines.push('', '-- ', interpolate(t('notifications.email.footer') ?? '{{url}}', { url: `${publicUrl}/notifications` }));
  // Header injection is nodemailer's job, but a subject is one line by definition.
  return { subject: message.replace(/\s+/g, ' ').trim().slice(0, 200), text: lines.join('\n') };
}

/** Sends one message over the configured SMTP server; throws when the server refuses or is unreachable. */
export async function sendEmail(settings: MailSettings, to: string, email: NotificationEmail): Promise<void> {
  // Timeouts well inside the job's lease, so a silent server fails the attempt instead of hanging it.
  const url = new URL(settings.smtpUrl);
  for (const [k, v] of Object.entries({ connectionTimeout: '15000', greetingTimeout: '15000', socketTimeout: '30000' })) {
    if (!url.searchParams.has(k)) url.searchParams.set(k, v);
  }
  const transport = nodemailer.createTransport(url.toString());
  try {
    await transport.sendMail({ from: settings.from, to, subject: email.subject, text: email.text });
  } finally {
    transport.close();
  }
}
