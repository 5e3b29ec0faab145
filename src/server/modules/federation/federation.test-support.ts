import type { FastifyInstance } from 'fastify';
import type { Session } from '../../test/test-app.ts';

/** Publishes a new resource to `level` through the library's own API: draft → submission → approval. */
export async function publishResource(
  app: FastifyInstance,
  author: Session,
  reviewer: Session,
  fields: { title: string; summary: string; body: string; level: 'bay-area' | 'province' | 'public'; language?: string },
): Promise<string> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/resources',
    headers: author.headers,
    payload: {
      title: fields.title,
      summary: fields.summary,
      body: fields.body,
      language: fields.language ?? 'zh-Hant-HK',
      subject: 'ai',
      gradeBand: 'junior',
      grades: [7],
      keywords: ['人工智能'],
      licence: 'CC-BY-4.0',
    },
  });
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  const id = (created.json() as { id: string }).id;
  const submitted = await app.inject({
    method: 'POST',
    url: `/api/v1/resources/${id}/submissions`,
    headers: author.headers,
    payload: { level: fields.level },
  });
  if (submitted.statusCode !== 201) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  const decided = await app.inject({
    method: 'POST',
    url: `/api/v1/library/reviews/${(submitted.json() as { id: string }).id}/decision`,
    headers: reviewer.headers,
    payload: { decision: 'approve' },
  });
  if (decided.statusCode !== 200) throw new Error(`approve: ${decided.statusCode} ${decided.body}`);
  return id;
}
