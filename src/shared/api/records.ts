import { z } from 'zod';
import { isIri, isTimestamp, isUuid } from '../../lib/xapi/formats.ts';

/**
 * Query parameters of the xAPI document, Activities and Agents resources (Communication 2.3–2.7).
 * Statement queries are parsed by lib/xapi (`parseStatementQuery`), which knows the spec's many rules.
 * Every object is strict: xAPI answers 400 for a parameter it does not know (Communication 3.2).
 * `agent` stays a JSON string here; the handler parses it into an Agent with lib/xapi.
 */
const ZIri = z.string().refine(isIri, 'must be an IRI with a scheme');
const ZXapiUuid = z.string().refine(isUuid, 'must be a UUID');
const ZXapiTimestamp = z.string().refine(isTimestamp, 'must be an ISO 8601 timestamp with a time zone');
const ZAgentJson = z.string().min(2);
const ZDocumentId = z.string().min(1).max(1000);

export const ZStateQuery = z.strictObject({
  activityId: ZIri,
  agent: ZAgentJson,
  registration: ZXapiUuid.optional(),
  stateId: ZDocumentId.optional(),
  since: ZXapiTimestamp.optional(),
});
export type TStateQuery = z.infer<typeof ZStateQuery>;

export const ZActivityProfileQuery = z.strictObject({
  activityId: ZIri,
  profileId: ZDocumentId.optional(),
  since: ZXapiTimestamp.optional(),
});
export type TActivityProfileQuery = z.infer<typeof ZActivityProfileQuery>;

export const ZAgentProfileQuery = z.strictObject({
  agent: ZAgentJson,
  profileId: ZDocumentId.optional(),
  since: ZXapiTimestamp.optional(),
});
export type TAgentProfileQuery = z.infer<typeof ZAgentProfileQuery>;

export const ZActivitiesQuery = z.strictObject({ activityId: ZIri });
export const ZAgentsQuery = z.strictObject({ agent: ZAgentJson });

/** The About resource (Communication 2.8). */
export interface TXapiAbout {
  version: string[];
  extensions?: Record<string, unknown>;
}
