import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.ts';
import { SCHOOL_STAGES } from '../tenancy.ts';
import { ZCursor, ZId, ZLimit, ZLocalisedName } from './common.ts';

export const ZListSchoolsQuery = z.object({
  jurisdictionId: ZId.optional(),
  authorityUnitId: ZId.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: ZLimit,
  cursor: ZCursor,
});

export const ZSchoolCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use 2–63 lower-case letters, digits or dashes');

export const ZCreateSchoolBody = z.object({
  code: ZSchoolCode,
  names: ZLocalisedName,
  authorityUnitId: ZId,
  stage: z.enum(SCHOOL_STAGES),
  languages: z.array(z.enum(CONTENT_LANGUAGES)).min(1).max(5),
});

export const ZUpdateSchoolBody = ZCreateSchoolBody.pick({ names: true, stage: true, languages: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const ZCreateClassBody = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  grade: z.number().int().min(1).max(12),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'school year as 2026-2027'),
  homeroomTeacherId: ZId.optional(),
});
