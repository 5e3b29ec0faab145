import { z } from 'zod';
import { UI_LANGUAGES } from '../languages.ts';

/** Hard page-size limit for every list endpoint (DESIGN.md §5). */
export const MAX_PAGE_SIZE = 200;

export const ZId = z.uuid();
export const ZIdParams = z.object({ id: ZId });
export const ZLimit = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50);
export const ZCursor = z.string().min(1).max(200).optional();

export const ZLocalisedName = z.object({
  'zh-Hans': z.string().trim().min(1).max(200),
  'zh-Hant': z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

export const ZUiLanguage = z.enum(UI_LANGUAGES);

/** `If-Match: "3"` (or W/"3", or 3) → 3. */
export const ZIfMatch = z.object({
  'if-match': z
    .string()
    .regex(/^(W\/)?"?\d+"?$/, 'If-Match must carry the version, e.g. "3"')
    .transform((v) => Number(v.replace(/^W\//, '').replaceAll('"', '')))
    .optional(),
});
