import { createHash } from 'node:crypto';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { embedMany } from 'ai';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { searchDocuments as searchIndex } from '../search/search.schema.ts';
import { OutboundGuard } from './assistant.privacy.ts';
import { assistantEmbeddings } from './assistant.schema.ts';
import type { ActiveProvider } from './assistant.settings.service.ts';

/**
 * Embeddings for grounding, when the jurisdiction's provider offers them. Documents are cut into chunks;
 * each chunk goes through the same outbound guard as a prompt (lib/deid placeholders) before it is sent,
 * and its vector is stored with the model name and the SHA-256 of exactly what was sent, so a chunk is
 * embedded again only when that text changes. Vectors are computed lazily, for the candidates of a
 * retrieval that have none yet.
 */

/** Characters per chunk, and how many the next chunk repeats so a sentence cut in two is whole in one. */
export const CHUNK_CHARS = 600;
const OVERLAP = 80;
/** The index keeps a bounded body (search.analyse.ts); this bounds the vectors per document as well. */
const MAX_CHUNKS = 8;
const BOUNDARY = /[。！？；.!?;\n]/g;

/**
 * Cuts a text into chunks of at most CHUNK_CHARS, preferring to end at a sentence boundary.
 * @example chunkText('短文') // ['短文']
 */
export function chunkText(text: string): string[] {
  const clean = text
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  const chunks: string[] = [];
  let start = 0;
  while (start < clean.length && chunks.length < MAX_CHUNKS) {
    let end = Math.min(clean.length, start + CHUNK_CHARS);
    if (end < clean.length) {
      const window = clean.slice(start, end);
      let cut = -1;
      for (const m of window.matchAll(BOUNDARY)) if (m.index >= CHUNK_CHARS * 0.6) cut = m.index + 1;
      if (cut > 0) end = start + cut;
    }
    chunks.push(clean.slice(start, end).trim());
    if (end >= clean.length) break;
    start = Math.max(end - OVERLAP, start + 1);
  }
  return chunks.filter(Boolean);
}

/** Cosine similarity of two vectors (0 when either is empty or their lengths differ). */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (!a.length || a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function embedTexts(provider: ActiveProvider, values: string[]): Promise<number[][]> {
  const model = createOpenAICompatible({
    name: 'assistant',
    baseURL: provider.baseUrl,
    apiKey: provider.apiKey ?? undefined,
  }).embeddingModel(provider.embeddingModel!);
  const { embeddings } = await embedMany({ model, values, maxRetries: 0 });
  return embeddings;
}

/**
 * Query vectors of recent retrievals, in this process only (never stored: a question is the user's, and
 * the database keeps only vectors of library texts). Keyed by endpoint, model and the de-identified text.
 */
const queryVectors = new Map<string, number[]>();
const QUERY_CACHE_SIZE = 500;

/** A candidate document's best chunk for the query. */
export interface SemanticMatch {
  similarity: number;
  /** The chunk (as written, not de-identified: the reader may see the document) that matched best. */
  chunk: string;
}

/**
 * Similarity of each candidate document to the query, embedding what has no stored vector yet (one call
 * for the query and every new or changed chunk). Documents are read from the search index by id: the
 * candidates come from the search module, which already limited them to what the user may see.
 */
export async function semanticMatches(db: Db, provider: ActiveProvider, query: string, documentIds: string[]) {
  const model = provider.embeddingModel!;
  const result = new Map<string, SemanticMatch>();
  if (!documentIds.length) return result;
  const docs = await db
    .select({ id: searchIndex.id, title: searchIndex.title, summary: searchIndex.summary, body: searchIndex.body })
    .from(searchIndex)
    .where(inArray(searchIndex.id, documentIds));
  // What would be sent for each chunk: through the guard, one fresh guard per chunk so its text (and hash)
  // does not depend on which other chunks were sent with it.
  const chunksOf = new Map(
    docs.map((d) => {
      const chunks = chunkText(`${d.title}\n${d.summary}\n${d.body}`).map((text) => {
        const sent = new OutboundGuard(provider.allowedCategories).protect(text).text;
        return { text, sent, hash: sha256(sent) };
      });
      return [d.id, chunks] as const;
    }),
  );
  const stored = await db
    .select({
      documentId: assistantEmbeddings.documentId,
      chunkIndex: assistantEmbeddings.chunkIndex,
      contentHash: assistantEmbeddings.contentHash,
      embedding: assistantEmbeddings.embedding,
    })
    .from(assistantEmbeddings)
    .where(and(inArray(assistantEmbeddings.documentId, documentIds), eq(assistantEmbeddings.model, model)));
  const vectorOf = new Map(stored.map((r) => [`${r.documentId}#${r.chunkIndex}`, r]));

  const missing: { documentId: string; chunkIndex: number; sent: string; hash: string }[] = [];
  for (const [documentId, chunks] of chunksOf) {
    chunks.forEach((c, chunkIndex) => {
      const have = vectorOf.get(`${documentId}#${chunkIndex}`);
      if (!have || have.contentHash !== c.hash) missing.push({ documentId, chunkIndex, sent: c.sent, hash: c.hash });
    });
  }
  const sentQuery = new OutboundGuard(provider.allowedCategories).protect(query).text;
  const queryKey = `${provider.baseUrl}|${model}|${sha256(sentQuery)}`;
  let queryVector = queryVectors.get(queryKey);

  const values = [...(queryVector ? [] : [sentQuery]), ...missing.map((m) => m.sent)];
  if (values.length) {
    const vectors = await embedTexts(provider, values);
    if (!queryVector) {
      queryVector = vectors.shift()!;
      if (queryVectors.size >= QUERY_CACHE_SIZE) queryVectors.delete(queryVectors.keys().next().value!);
      queryVectors.set(queryKey, queryVector);
    }
    if (missing.length) {
      const rows = missing.map((m, i) => ({
        documentId: m.documentId,
        chunkIndex: m.chunkIndex,
        model,
        contentHash: m.hash,
        embedding: vectors[i],
      }));
      await db.transaction(async (tx) => {
        await tx
          .insert(assistantEmbeddings)
          .values(rows)
          .onConflictDoUpdate({
            target: [assistantEmbeddings.documentId, assistantEmbeddings.model, assistantEmbeddings.chunkIndex],
            set: { contentHash: sql`excluded.content_hash`, embedding: sql`excluded.embedding`, createdAt: new Date() },
          });
        // A document that got shorter leaves no vectors of chunks it no longer has.
        for (const [documentId, chunks] of chunksOf) {
          if (!missing.some((m) => m.documentId === documentId)) continue;
          await tx
            .delete(assistantEmbeddings)
            .where(
              and(
                eq(assistantEmbeddings.documentId, documentId),
                eq(assistantEmbeddings.model, model),
                gte(assistantEmbeddings.chunkIndex, chunks.length),
              ),
            );
        }
      });
      for (const row of rows) vectorOf.set(`${row.documentId}#${row.chunkIndex}`, { ...row });
    }
  }

  for (const [documentId, chunks] of chunksOf) {
    let best: SemanticMatch | null = null;
    chunks.forEach((c, chunkIndex) => {
      const similarity = cosine(queryVector!, vectorOf.get(`${documentId}#${chunkIndex}`)?.embedding ?? []);
      if (!best || similarity > best.similarity) best = { similarity, chunk: c.text };
    });
    if (best) result.set(documentId, best);
  }
  return result;
}
