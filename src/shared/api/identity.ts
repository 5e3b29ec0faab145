import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { ZCursor, ZId, ZLimit, ZUiLanguage } from './common.ts';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(500),
});

export const ZUpdateMeBody = z
  .object({ displayName: z.string().trim().min(1).max(100).optional(), locale: ZUiLanguage.optional() })
  .refine((v) => v.displayName !== undefined || v.locale !== undefined, 'nothing to change');

export const ZChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(500),
  newPassword: z.string().min(1).max(500),
});

export const ZRole = z.enum(ROLES);

/** Lower-case letters, digits, dot, dash, underscore: typed by children on tablets. */
export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'use 2–63 letters, digits, dot, dash or underscore');

export const ZListUsersQuery = z.object({
  schoolId: ZId.optional(),
  classId: ZId.optional(),
  role: ZRole.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: ZLimit,
  cursor: ZCursor,
});

export const ZPlace = z.object({
  role: ZRole,
  jurisdictionId: ZId,
  authorityUnitId: ZId.optional(),
  schoolId: ZId.optional(),
});

export const ZCreateUserBody = ZPlace.extend({
  username: ZUsername,
  displayName: z.string().trim().min(1).max(100),
  locale: ZUiLanguage.optional(),
  studentNumber: z.string().trim().min(1).max(40).optional(),
});

export const ZCreateApiClientBody = z.object({
  name: z.string().trim().min(1).max(100),
  schoolId: ZId,
  scopes: z.array(z.enum(['xapi:read', 'xapi:write', 'roster:read'])).min(1),
});
