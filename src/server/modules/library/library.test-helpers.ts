import type { FastifyInstance } from 'fastify';
import type { Session } from '../../test/test-app.ts';

/** Small HTTP helpers for the library's tests: JSON writes with the session's CSRF header. */
export function client(app: FastifyInstance) {
  const call =
    (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE') =>
    (s: Session | null, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method, url, payload: payload as never, headers: { ...(s?.headers ?? {}), ...headers } });
  return { get: call('GET'), post: call('POST'), patch: call('PATCH'), put: call('PUT'), del: call('DELETE') };
}

/** A multipart body with one file field, for uploads through `app.inject`. */
export function fileForm(filename: string, bytes: Uint8Array, type = 'application/octet-stream'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  return form;
}

export const lesson = (over: Record<string, unknown> = {}) => ({
  title: '图像识别入门：教电脑认出猫和狗',
  summary: '初一人工智能课，用图片分类体验机器学习。',
  body: '<p>第一步：收集<strong>猫和狗</strong>的图片。</p><script>alert(1)</script>',
  language: 'zh-Hans',
  subject: 'ai',
  gradeBand: 'junior',
  grades: [7],
  aiCompetencies: [{ competency: 'ai-techniques-and-applications', level: 'understand' }],
  keywords: ['图像识别', '机器学习'],
  licence: 'CC-BY-SA-4.0',
  ...over,
});
