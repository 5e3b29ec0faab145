import { inArray } from 'drizzle-orm';
import type { AssistantCitation } from '../../../shared/api/assistant.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../identity/identity.access.ts';
import { searchDocuments as searchIndex } from '../search/search.schema.ts';
import { searchDocuments } from '../search/search.service.ts';

/**
 * Grounding: passages from the library resources and published courses the user may see, ranked by the
 * search module (which scopes visibility in its query, so nothing the user may not read is ever cited).
 */
export async function retrievePassages(db: Db, actor: Actor, query: string, limit = 5): Promise<AssistantCitation[]> {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  const page = await searchDocuments({ db, actor }, { q, limit });
  if (!page.items.length) return [];
  // The hit carries no kind; the index row says whether it is a resource or a course (for the link).
  const kinds = await db
    .select({ id: searchIndex.id, kind: searchIndex.kind })
    .from(searchIndex)
    .where(
      inArray(
        searchIndex.id,
        page.items.map((h) => h.id),
      ),
    );
  const kindOf = new Map(kinds.map((k) => [k.id, k.kind]));
  return page.items.map((hit) => {
    const kind = kindOf.get(hit.id) ?? 'resource';
    return {
      id: hit.id,
      kind,
      title: hit.title,
      snippet: hit.highlights.snippet.map((s) => s.text).join(''),
      link: kind === 'course' ? `/courses/${hit.id}` : `/library/resources/${hit.id}`,
    };
  });
}

/** Sources as the model reads them, numbered so it can cite [1], [2]. */
export function sourcesBlock(citations: AssistantCitation[]): string {
  return citations.map((c, i) => `[${i + 1}] ${c.title}: ${c.snippet}`).join('\n');
}
