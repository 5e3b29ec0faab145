import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real local HTTP server speaking the OpenAI chat-completions (JSON and SSE streaming), embeddings and
 * moderations protocol, for tests and for trying the assistant without a model. It records every request body it
 * receives, so a test can assert that no personal data ever reached "the provider". Replies are scripted
 * per test: queue them with `reply(...)`; when the queue is empty it answers `defaultReply`.
 *
 * @example
 *   const fake = await startFakeOpenAi();
 *   fake.reply('你好，<PERSON_1> 的家长');
 *   // … point a provider at fake.baseUrl …
 *   expect(fake.requests.map((r) => JSON.stringify(r.body)).join()).not.toContain('陳大文');
 */
export interface FakeReply {
  content: string;
  /** Split a streamed answer into these pieces (default: a few characters each). */
  chunks?: string[];
  /** Wait between streamed pieces, so a test can stop a stream halfway. */
  delayMs?: number;
  /** Answer with this HTTP status and an OpenAI error body instead. */
  status?: number;
}

export type ScriptedReply = string | FakeReply | ((body: Record<string, unknown>) => string | FakeReply);

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** True when the client went away before the answer was complete (a stopped stream). */
  aborted: boolean;
}

export interface FakeOpenAi {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queue replies; a function builds its reply from the request body (e.g. to echo placeholders back). */
  reply(...replies: ScriptedReply[]): void;
  /** Everything any request carried, as one string: what "left the node". */
  everythingReceived(): string;
  defaultReply: FakeReply;
  /** The vector `/embeddings` answers for a text (default: a deterministic hash of it). */
  embed: (text: string) => number[];
  /** Whether `/moderations` flags a text (default: never). */
  flags: (text: string) => boolean;
  /** Requests to one endpoint (`'embeddings'`, `'moderations'`, `'chat/completions'`). */
  requestsTo(endpoint: string): RecordedRequest[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** A deterministic unit vector per text, so similar calls give equal embeddings. */
function embeddingOf(text: string, dims = 8): number[] {
  const v = Array.from({ length: dims }, (_, i) => [...text].reduce((s, c, j) => s + ((c.codePointAt(0)! * (i + 1) + j) % 97), 0));
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  let served = 0;
  const fake: FakeOpenAi = {
    baseUrl: '',
    requests,
    defaultReply: { content: 'OK' },
    embed: (text) => embeddingOf(text),
    flags: () => false,
    requestsTo: (endpoint) => requests.filter((r) => r.path.endsWith(`/${endpoint}`)),
    reply: (...replies) => queue.push(...replies),
    everythingReceived: () => requests.map((r) => JSON.stringify(r.body)).join('\n'),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function chat(req: IncomingMessage, res: ServerResponse, record: RecordedRequest) {
    const scripted = queue.shift() ?? fake.defaultReply;
    const made = typeof scripted === 'function' ? scripted(record.body) : scripted;
    const next: FakeReply = typeof made === 'string' ? { content: made } : made;
    const id = `chatcmpl-fake-${++served}`;
    const model = String(record.body.model ?? 'fake');
    const created = Math.floor(Date.now() / 1000);
    if (next.status) {
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
      return;
    }
    if (!record.body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: next.content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.on('close', () => {
      if (!res.writableEnded) record.aborted = true;
    });
    const chunks = next.chunks ?? next.content.match(/[\s\S]{1,4}/g) ?? [''];
    const send = (delta: object, finish: string | null) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
      );
    send({ role: 'assistant', content: '' }, null);
    for (const piece of chunks) {
      if (record.aborted || res.destroyed) return;
      if (next.delayMs) await sleep(next.delayMs);
      if (record.aborted || res.destroyed) return;
      send({ content: piece }, null);
    }
    send({}, 'stop');
    res.write('data: [DONE]\n\n');
    res.end();
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = req.method === 'POST' ? await readBody(req) : {};
      const path = (req.url ?? '').split('?')[0];
      const record: RecordedRequest = { path, authorization: req.headers.authorization, body, aborted: false };
      if (req.method === 'POST') requests.push(record);
      if (path.endsWith('/chat/completions')) return chat(req, res, record);
      if (path.endsWith('/embeddings')) {
        const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input ?? '')];
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            model: body.model,
            data: input.map((text, index) => ({ object: 'embedding', index, embedding: fake.embed(text) })),
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
        return;
      }
      if (path.endsWith('/moderations')) {
        const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input ?? '')];
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: `modr-fake-${++served}`,
            model: body.model ?? 'fake-moderation',
            results: input.map((text) => {
              const flagged = fake.flags(text);
              return { flagged, categories: { violence: flagged }, category_scores: { violence: flagged ? 0.99 : 0.01 } };
            }),
          }),
        );
        return;
      }
      if (path.endsWith('/models')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-chat', object: 'model' }] }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'not found' } }));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
