import { anonymise } from '../../../lib/deid/anonymise.ts';
import { detect } from '../../../lib/deid/detect.ts';
import { requireUser, type Actor } from '../identity/identity.access.ts';

/**
 * The privacy module's face to other modules (they call these, never the module's tables):
 * - `checkOutbound(payload)`: the gate every outgoing payload (dataset downloads, federation feeds, AI
 *   prompts) passes; throws `OUTBOUND_PII_BLOCKED` with findings (path, type, count — never values).
 * - `scanOutbound(payload)`: the same scan without throwing.
 * - `detectText`: free-text detection and redaction for the paste-and-redact page.
 */
export { checkOutbound, scanOutbound, type OutboundFinding, type OutboundPayload, type OutboundReport } from './privacy.outbound.ts';

/**
 * Finds personal data in pasted text and returns it redacted (`[PERSON]`, `[PHONE]`, …). Nothing is stored.
 * @example detectText({ actor }, { text: '家長陳大文，電話 9123 4567' }).redacted // '家長[PERSON]，電話 [PHONE]'
 */
export function detectText(ctx: { actor: Actor | null }, body: { text: string; threshold?: number }) {
  requireUser(ctx.actor);
  const entities = detect(body.text, { threshold: body.threshold });
  const { text } = anonymise(body.text, entities, { default: { kind: 'redact' } });
  return { entities: entities.map((e) => ({ type: e.type, start: e.start, end: e.end, score: e.score })), redacted: text };
}
