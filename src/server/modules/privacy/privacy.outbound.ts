import { detect } from '../../../lib/deid/detect.ts';
import { cellText, type TableRow } from '../../../lib/deid/tables/table-row.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { AppError } from '../../http/app-error.ts';

/**
 * The last gate before anything leaves a jurisdiction: a dataset downloaded by the other party, and later
 * federation feeds and AI prompts. The payload passes through the PII detector (lib/deid) and is STOPPED
 * when personal data is found. Findings name where and what (path, entity type, count), never the value,
 * so the error itself cannot leak what it stopped.
 */
export interface OutboundFinding {
  /** `row.column` path for tables, JSON path for objects, `text` for plain text. */
  path: string;
  type: string;
  count: number;
}

export interface OutboundReport {
  ok: boolean;
  findings: OutboundFinding[];
}

/** A table to check: rows stream through; each distinct value of a column is examined once. */
export interface OutboundTable {
  rows: Iterable<TableRow> | AsyncIterable<TableRow>;
}

export type OutboundPayload = string | Buffer | OutboundTable | Record<string, unknown> | unknown[];

export interface OutboundOptions {
  /** Detector confidence threshold (default that of lib/deid). */
  threshold?: number;
}

/** Keyed pseudonyms (`STUDENT_ID_7K3Q9XWZ2M`) and encryption tokens are de-identified by construction. */
const PSEUDONYM = /^[A-Z][A-Z0-9_]*_[A-HJKMNP-TV-Z0-9]{6,40}$/;
const ENC_TOKEN = /⟦ENC:[A-Z0-9_]+:[A-Za-z0-9_-]+⟧/g;

function findingsOfText(text: string, path: string, opts: OutboundOptions, into: Map<string, OutboundFinding>): void {
  const t = text.replace(ENC_TOKEN, ' ');
  if (t.trim() === '' || PSEUDONYM.test(t.trim())) return;
  for (const e of detect(t, { threshold: opts.threshold })) {
    const key = `${path}\u0000${e.type}`;
    const f = into.get(key);
    if (f) f.count++;
    else into.set(key, { path, type: e.type, count: 1 });
  }
}

function isTable(p: OutboundPayload): p is OutboundTable {
  return (
    typeof p === 'object' &&
    p !== null &&
    !Array.isArray(p) &&
    !Buffer.isBuffer(p) &&
    'rows' in p &&
    typeof (p as OutboundTable).rows === 'object'
  );
}

function walk(value: unknown, path: string, opts: OutboundOptions, into: Map<string, OutboundFinding>): void {
  if (typeof value === 'string') findingsOfText(value, path, opts, into);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, opts, into));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, opts, into);
}

/**
 * Scans a payload and reports what personal data it holds, without throwing.
 * @example (await scanOutbound({ rows })).findings // [{ path: '电话', type: 'PHONE', count: 12 }]
 */
export async function scanOutbound(payload: OutboundPayload, opts: OutboundOptions = {}): Promise<OutboundReport> {
  const found = new Map<string, OutboundFinding>();
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
    findingsOfText(payload.toString(), 'text', opts, found);
  } else if (isTable(payload)) {
    const seen = new Map<string, Map<string, number>>();
    for await (const row of payload.rows as AsyncIterable<TableRow>) {
      for (const [column, value] of Object.entries(row)) {
        const text = cellText(value);
        if (text === '') continue;
        let values = seen.get(column);
        if (!values) seen.set(column, (values = new Map()));
        values.set(text, (values.get(text) ?? 0) + 1);
      }
    }
    for (const [column, values] of seen) {
      for (const [text, times] of values) {
        const local = new Map<string, OutboundFinding>();
        findingsOfText(text, column, opts, local);
        for (const f of local.values()) {
          const key = `${column}\u0000${f.type}`;
          const prev = found.get(key);
          if (prev) prev.count += times;
          else found.set(key, { ...f, count: times });
        }
      }
    }
  } else {
    walk(payload, '', opts, found);
  }
  const findings = [...found.values()].sort((a, b) => a.path.localeCompare(b.path) || a.type.localeCompare(b.type));
  return { ok: findings.length === 0, findings };
}

/** The findings as problem entries of an OUTBOUND_PII_BLOCKED answer (no values). */
export function outboundProblems(findings: readonly OutboundFinding[]): FieldProblem[] {
  return findings.map((f) => ({ path: f.path, code: 'outbound_pii', message: `${f.type} found ${f.count} time(s) in ${f.path}` }));
}

/**
 * Lets the payload through or throws `OUTBOUND_PII_BLOCKED` with the findings. Every module that sends
 * data out of a jurisdiction calls this last (import it from privacy.service.ts).
 * @example await checkOutbound({ prompt: text }); // throws when text names a pupil or a phone number
 */
export async function checkOutbound(payload: OutboundPayload, opts: OutboundOptions = {}): Promise<OutboundReport> {
  const report = await scanOutbound(payload, opts);
  if (!report.ok) {
    const summary = report.findings.map((f) => `${f.type}×${f.count}@${f.path}`).join(', ');
    throw new AppError('OUTBOUND_PII_BLOCKED', { detail: `personal data found: ${summary}`, errors: outboundProblems(report.findings) });
  }
  return report;
}
