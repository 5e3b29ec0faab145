import { inArray } from 'drizzle-orm';
import type { AssistantCitation } from '../../../shared/api/assistant.ts';
import { MAX_SEARCH_PAGE_SIZE, type SearchHit } from '../../../shared/api/search.ts';
import type { Db } from '../../db/client.ts';
import { isAppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import { searchDocuments as searchIndex } from '../search/search.schema.ts';
import { searchDocuments } from '../search/search.service.ts';
import { semanticMatches } from './assistant.embeddings.ts';
import type { ActiveProvider } from './assistant.settings.service.ts';

/** With embeddings: how many word-matched hits and browsed documents are candidates for the ranking. */
const LEXICAL_CANDIDATES = 20;
const BROWSE_CANDIDATES = MAX_SEARCH_PAGE_SIZE;
/** Weight of meaning (cosine) against words (search score, scaled to the best hit) in the final rank. */
const SEMANTIC_WEIGHT = 0.7;
/** A document no word of the question matches is cited only when its meaning is this close. */
const MIN_SEMANTIC_ONLY = 0.5;
const SNIPPET = 160;

export interface RetrievalOptions {
  /** The jurisdiction's provider; with an embeddings model, ranking also uses meaning. */
  provider?: ActiveProvider | null;
  limit?: number;
}

const snippetOf = (hit: SearchHit) => hit.highlights.snippet.map((s) => s.text).join('');

/**
 * Grounding: passages from the library resources and published courses the user may see, ranked by the
 * search module (which scopes visibility in its query, so nothing the user may not read is ever cited).
 * When the provider offers embeddings, the candidates — the word matches plus the most used documents the
 * user may see — are re-ranked by cosine similarity to the question (assistant.embeddings.ts), so a
 * resource that says the same thing in other words (or the other language) is found too.
 */
export async function retrievePassages(db: Db, actor: Actor, query: string, opts: RetrievalOptions = {}): Promise<AssistantCitation[]> {
  const q = query.trim().slice(0, 200);
  const limit = opts.limit ?? 5;
  if (!q) return [];
  const provider = opts.provider?.embeddingModel ? opts.provider : null;
  const lexical = await searchDocuments({ db, actor }, { q, limit: provider ? LEXICAL_CANDIDATES : limit });
  let ranked: { hit: SearchHit; snippet: string }[] = lexical.items.slice(0, limit).map((hit) => ({ hit, snippet: snippetOf(hit) }));
  if (provider) {
    const browse = await searchDocuments({ db, actor }, { limit: BROWSE_CANDIDATES });
    const candidates = new Map<string, SearchHit>();
    for (const hit of [...lexical.items, ...browse.items]) if (!candidates.has(hit.id)) candidates.set(hit.id, hit);
    try {
      const semantic = await semanticMatches(db, provider, q, [...candidates.keys()]);
      const lexicalScore = new Map(lexical.items.map((h) => [h.id, h.score]));
      const best = Math.max(0, ...lexical.items.map((h) => h.score));
      ranked = [...candidates.values()]
        .map((hit) => {
          const meaning = semantic.get(hit.id);
          const words = lexicalScore.has(hit.id) && best > 0 ? lexicalScore.get(hit.id)! / best : 0;
          const cos = meaning?.similarity ?? 0;
          return {
            hit,
            eligible: lexicalScore.has(hit.id) || cos >= MIN_SEMANTIC_ONLY,
            score: SEMANTIC_WEIGHT * cos + (1 - SEMANTIC_WEIGHT) * words,
            // A word match keeps the search module's highlighted snippet; a match by meaning cites its chunk.
            snippet: lexicalScore.has(hit.id) || !meaning ? snippetOf(hit) : meaning.chunk.slice(0, SNIPPET),
          };
        })
        .filter((r) => r.eligible)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    } catch (err) {
      // An embeddings endpoint that fails must not take grounding down: the word ranking stands.
      if (isAppError(err)) throw err;
    }
  }
  if (!ranked.length) return [];
  // The hit carries no kind; the index row says whether it is a resource or a course (for the link).
  const kinds = await db
    .select({ id: searchIndex.id, kind: searchIndex.kind })
    .from(searchIndex)
    .where(
      inArray(
        searchIndex.id,
        ranked.map((r) => r.hit.id),
      ),
    );
  const kindOf = new Map(kinds.map((k) => [k.id, k.kind]));
  return ranked.map(({ hit, snippet }) => {
    const kind = kindOf.get(hit.id) ?? 'resource';
    return {
      id: hit.id,
      kind,
      title: hit.title,
      snippet,
      link: kind === 'course' ? `/courses/${hit.id}` : `/library/resources/${hit.id}`,
    };
  });
}

/** Sources as the model reads them, numbered so it can cite [1], [2]. */
export function sourcesBlock(citations: AssistantCitation[]): string {
  return citations.map((c, i) => `[${i + 1}] ${c.title}: ${c.snippet}`).join('\n');
}
