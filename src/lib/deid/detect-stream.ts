/**
 * Streaming detection for large text and JSONL, with bounded memory.
 *
 * - `detectTextStream`: chunks of one long text in, entities (with offsets into the whole text) out, in
 *   order. Text is cut at the last line break (or, failing that, the last space/punctuation) before
 *   `maxBuffer` code units, so an entity is never split unless a single line exceeds the buffer; at most
 *   `maxBuffer` + one chunk is held.
 * - `detectRecords`: one record (e.g. a parsed JSONL line) at a time, results in input order.
 */
import { detect, type DetectOptions, type Detector, type Entity } from './detect.ts';

export interface StreamOptions extends DetectOptions {
  detector?: Detector;
  /** Largest piece of text analysed at once (UTF-16 code units). Default 64 KiB. */
  maxBuffer?: number;
}

function detectorOf(options: StreamOptions): (text: string) => Entity[] {
  const { detector, maxBuffer: _unused, ...detectOptions } = options;
  return detector ? (t) => detector.detect(t, detectOptions) : (t) => detect(t, detectOptions);
}

function safeCut(buffer: string, limit: number): number {
  const nl = buffer.lastIndexOf('\n', limit);
  if (nl > 0) return nl + 1;
  for (let i = Math.min(limit, buffer.length) - 1; i > limit / 2; i--) {
    if (/[\s。！？!?；;，,]/.test(buffer[i])) return i + 1;
  }
  // No break at all: cut at the limit, but never between the halves of a surrogate pair.
  const code = buffer.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * @example
 * for await (const e of detectTextStream(fs.createReadStream(path, 'utf8'))) console.log(e);
 */
export async function* detectTextStream(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: StreamOptions = {},
): AsyncGenerator<Entity> {
  const run = detectorOf(options);
  const maxBuffer = options.maxBuffer ?? 65_536;
  let buffer = '';
  let base = 0;
  for await (const chunk of chunks) {
    buffer += chunk;
    while (buffer.length >= maxBuffer) {
      const cut = safeCut(buffer, maxBuffer);
      const piece = buffer.slice(0, cut);
      for (const e of run(piece)) yield { ...e, start: e.start + base, end: e.end + base };
      base += cut;
      buffer = buffer.slice(cut);
    }
    // Flush complete lines early so results flow and memory stays small.
    const nl = buffer.lastIndexOf('\n');
    if (nl >= 0 && nl + 1 >= maxBuffer / 4) {
      const piece = buffer.slice(0, nl + 1);
      for (const e of run(piece)) yield { ...e, start: e.start + base, end: e.end + base };
      base += nl + 1;
      buffer = buffer.slice(nl + 1);
    }
  }
  if (buffer.length > 0) for (const e of run(buffer)) yield { ...e, start: e.start + base, end: e.end + base };
}

export interface RecordResult<T> {
  index: number;
  record: T;
  entities: Entity[];
}

/**
 * @example
 * for await (const r of detectRecords(readJsonl(path), (row) => row.comment)) write(r);
 */
export async function* detectRecords<T>(
  records: AsyncIterable<T> | Iterable<T>,
  textOf: (record: T) => string,
  options: StreamOptions = {},
): AsyncGenerator<RecordResult<T>> {
  const run = detectorOf(options);
  let index = 0;
  for await (const record of records) {
    yield { index, record, entities: run(textOf(record)) };
    index++;
  }
}

/** Splits a stream of text chunks into lines (for JSONL), holding at most one partial line. */
export async function* linesOf(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    rest += chunk;
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
      if (line.length > 0) yield line;
    }
  }
  if (rest.length > 0) yield rest;
}
