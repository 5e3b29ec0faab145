/**
 * Every table of the node, collected for Drizzle and drizzle-kit. Tables live in their modules
 * (`modules/<m>/<m>.schema.ts`); this file only lists them.
 */
export * from '../modules/tenancy/tenancy.schema.ts';
export * from '../modules/identity/identity.schema.ts';
export * from '../modules/audit/audit.schema.ts';
export * from '../jobs/jobs.schema.ts';
export * from '../modules/records/records.schema.ts';
export * from '../modules/search/search.schema.ts';
export * from '../modules/library/library.schema.ts';
export * from '../modules/privacy/privacy.schema.ts';
export * from '../modules/growth/growth.schema.ts';
export * from '../modules/training/training.schema.ts';
export * from '../modules/contests/contests.schema.ts';
export * from '../modules/network/network.schema.ts';
export * from '../modules/courses/courses.schema.ts';
export * from '../modules/notifications/notifications.schema.ts';
export * from '../modules/collab/collab.schema.ts';
export * from '../modules/assistant/assistant.schema.ts';
export * from '../modules/federation/federation.schema.ts';
export * from '../modules/insights/insights.schema.ts';
