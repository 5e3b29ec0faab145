/**
 * How a notification kind becomes words, shared by the web bell and the server's e-mail so both say the same
 * thing. A kind `<module>.<event>` is worded by the catalogue key `<module>.notifications.<event>`, with the
 * notification's `data` as the values. Modules add their texts under their own catalogue block.
 */

/** Modules that send notifications today; the preferences page shows one e-mail switch per module. */
export const NOTIFYING_MODULES = ['library', 'training', 'network', 'contests', 'courses'] as const;

/** `'library.approved'` → `'library.notifications.approved'`; a kind without a dot → null. */
export function notificationTextKey(kind: string): string | null {
  const dot = kind.indexOf('.');
  if (dot <= 0 || dot === kind.length - 1) return null;
  return `${kind.slice(0, dot)}.notifications.${kind.slice(dot + 1)}`;
}

/** `'network.proposal'` → `'network'`. */
export function notificationModule(kind: string): string {
  const dot = kind.indexOf('.');
  return dot > 0 ? kind.slice(0, dot) : kind;
}

type Translate = (key: string) => string | undefined;

/**
 * The interpolation values for a notification's text. Strings and numbers pass through; a value written as
 * `{ "t": "<catalogue key>" }` is translated in the reader's language (so a module can send "a session on
 * site" rather than a code). The library's publish level predates that and is translated by its old rule.
 */
export function notificationValues(kind: string, data: Record<string, unknown>, translate: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  const module = notificationModule(kind);
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
    else if (value && typeof value === 'object' && typeof (value as { t?: unknown }).t === 'string') {
      const k = (value as { t: string }).t;
      out[key] = translate(k) ?? k;
    }
  }
  if (module === 'library' && typeof data.level === 'string') out.level = translate(`library.publishLevels.${data.level}`) ?? data.level;
  return out;
}

/** i18next-style `{{name}}` replacement for the server, which has no i18next. */
export function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => values[name] ?? '');
}
