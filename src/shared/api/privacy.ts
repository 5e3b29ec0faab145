import { z } from 'zod';
import { ZId } from './common.ts';

/**
 * Contracts of the privacy module (de-identification, sharing agreements, differential privacy), shared by
 * the server routes, the web pages and the CLI's policy file. See docs/privacy.md.
 */

/** What a jurisdiction's data is about; each category gets its own egress rule. */
export const DATA_CATEGORIES = ['rosters', 'growth_records', 'learning_records', 'assessment_results', 'teacher_training'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Whether data of a category may leave its jurisdiction: never, only de-identified, or only as DP aggregates. */
export const EGRESS_RULES = ['never', 'deidentified', 'aggregate'] as const;
export type EgressRule = (typeof EGRESS_RULES)[number];

export const COLUMN_ROLES = ['direct_identifier', 'quasi_identifier', 'sensitive', 'other'] as const;
export const COLUMN_OPERATORS = ['drop', 'keep', 'pseudonym', 'generalise', 'mask', 'redact'] as const;

/** GB/T 37964-2019 de-identification steps, recorded per release (目标、识别、处理、验证审批、监控). */
export const DEID_STEPS = ['objective', 'identify', 'process', 'verify', 'approve', 'monitor'] as const;
export type DeidStep = (typeof DEID_STEPS)[number];

export const ZPolicyBody = z.object({
  egress: z.enum(EGRESS_RULES),
  minK: z.number().int().min(2).max(1000),
  epsilonPerPeriod: z.number().positive().max(100),
  periodDays: z.number().int().min(1).max(3650),
  /** Records of children under 14 (PIPL arts. 28, 31): stricter k and ε. */
  childMinK: z.number().int().min(2).max(1000),
  childEpsilonPerPeriod: z.number().positive().max(100),
  requiresPia: z.boolean(),
  requiresFiling: z.boolean(),
  notes: z.string().max(2000).default(''),
});
export type TPolicyBody = z.infer<typeof ZPolicyBody>;

export const ZListPoliciesQuery = z.object({ jurisdictionId: ZId.optional() });

/** A hierarchy by name or as a nested tree (objects of children, arrays of leaves). */
const ZHierarchyRef = z.union([z.enum(['gba-geography', 'grade', 'flat']), z.record(z.string(), z.unknown()), z.array(z.string())]);

/** One column's operator, as the table engine (lib/deid/tables/table-policy.ts) understands it. */
export const ZColumnPolicy = z.discriminatedUnion('operator', [
  z.object({ role: z.enum(COLUMN_ROLES), operator: z.literal('drop') }),
  z.object({ role: z.enum(COLUMN_ROLES), operator: z.literal('keep') }),
  z.object({
    role: z.enum(COLUMN_ROLES),
    operator: z.literal('pseudonym'),
    entity: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{0,40}$/)
      .optional(),
    length: z.number().int().min(6).max(40).optional(),
  }),
  z.object({
    role: z.enum(COLUMN_ROLES),
    operator: z.literal('mask'),
    keepStart: z.number().int().min(0).max(20).optional(),
    keepEnd: z.number().int().min(0).max(20).optional(),
    char: z.string().length(1).optional(),
  }),
  z.object({
    role: z.enum(COLUMN_ROLES),
    operator: z.literal('redact'),
    mode: z.enum(['cell', 'spans']).optional(),
    replacement: z.string().max(40).optional(),
  }),
  z.object({
    role: z.enum(COLUMN_ROLES),
    operator: z.literal('generalise'),
    kind: z.enum(['number', 'date', 'tree']),
    band: z.union([z.number().positive(), z.enum(['day', 'month', 'year'])]).optional(),
    hierarchy: ZHierarchyRef.optional(),
    level: z.number().int().min(0).max(10).optional(),
  }),
]);
export type TColumnPolicy = z.infer<typeof ZColumnPolicy>;

/** A table policy: operators per column, k, optional l-diversity. Unnamed columns are dropped. */
export const ZTablePolicy = z.object({
  columns: z.record(z.string().min(1).max(200), ZColumnPolicy),
  k: z.number().int().min(2).max(1000).optional(),
  l: z.number().int().min(2).max(100).optional(),
  sensitive: z.string().max(200).optional(),
  unlisted: z.enum(['drop', 'keep']).optional(),
});
export type TTablePolicy = z.infer<typeof ZTablePolicy>;

export const ZUploadFields = z.object({
  name: z.string().trim().min(1).max(200),
  category: z.enum(DATA_CATEGORIES),
  /** Needed only by someone who holds roles in several jurisdictions (a platform admin). */
  jurisdictionId: ZId.optional(),
});

export const ZCreateReleaseBody = z.object({
  datasetId: ZId,
  agreementId: ZId.optional(),
  policy: ZTablePolicy,
  /** 目标: why this release is made (GB/T 37964 step 1). */
  objective: z.string().trim().min(1).max(2000),
});

export const ZApproveReleaseBody = z.object({ note: z.string().max(2000).default('') });

export const ZCreateAgreementBody = z.object({
  /** The other party; the first party is the creator's jurisdiction. */
  partnerJurisdictionId: ZId,
  title: z.string().trim().min(1).max(200),
  purpose: z.string().trim().min(1).max(4000),
  legalBasis: z.string().trim().min(1).max(2000),
  category: z.enum(DATA_CATEGORIES),
  datasetIds: z.array(ZId).max(50).default([]),
  /** Columns the recipient may receive or query; empty = whatever the release policy publishes. */
  fields: z.array(z.string().min(1).max(200)).max(200).default([]),
  expiresAt: z.coerce.date(),
  epsilon: z.number().positive().max(100).optional(),
  /** Personal information protection impact assessment (PIPL art. 55–56) reference. */
  piaRef: z.string().trim().max(200).default(''),
  /** Filing of the standard contract (GBA cross-boundary standard contract) or DSPDP notification reference. */
  filingRef: z.string().trim().max(200).default(''),
});
export type TCreateAgreementBody = z.infer<typeof ZCreateAgreementBody>;

export const ZDetectBody = z.object({
  text: z.string().max(200_000),
  threshold: z.number().min(0).max(1).optional(),
});

export const ZDpQueryBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), datasetId: ZId, epsilon: z.number().positive().max(10) }),
  z.object({
    kind: z.literal('sum'),
    datasetId: ZId,
    column: z.string().min(1).max(200),
    lower: z.number(),
    upper: z.number(),
    epsilon: z.number().positive().max(10),
  }),
  z.object({
    kind: z.literal('mean'),
    datasetId: ZId,
    column: z.string().min(1).max(200),
    lower: z.number(),
    upper: z.number(),
    epsilon: z.number().positive().max(10),
  }),
  z.object({
    kind: z.literal('histogram'),
    datasetId: ZId,
    column: z.string().min(1).max(200),
    bins: z.array(z.string().max(200)).min(1).max(200),
    epsilon: z.number().positive().max(10),
  }),
]);
export type TDpQueryBody = z.infer<typeof ZDpQueryBody>;
