/**
 * De-identification benchmark: quality (per-type P/R/F1, leak rate) and detection speed (MB/s of UTF-8
 * on one core) of `src/lib/deid` on the generated corpus, side by side with the maintained npm PII
 * packages `openredaction` and `redact-pii` on the same documents. Prints figures; never fails on them.
 *
 * Run: `node --import tsx bench/deid/deid.bench.ts`
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDetector } from '../../src/lib/deid/detect.ts';
import { generateCorpus, type CorpusDoc } from './generate-corpus.ts';
import { HOLDOUT_2_STYLES } from './holdout-docs-2.ts';
import { holdout2Docs, holdoutDocs } from './holdout-docs.ts';
import { HOLDOUT_3_STYLES, holdout3Docs } from './holdout-docs-3.ts';
import { evaluate, type Span } from './score.ts';

const TARGETS = { leakRate: 0.01, f1: 0.95, mbPerSecond: 20 };

function loadCorpus(): CorpusDoc[] {
  const path = fileURLToPath(new URL('./corpus.jsonl', import.meta.url));
  if (!existsSync(path)) return generateCorpus();
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CorpusDoc);
}

/** Runs `predict` over the corpus repeatedly for at least `minMs`; returns spans of the first pass and MB/s. */
async function timed(docs: CorpusDoc[], predict: (text: string) => Span[] | Promise<Span[]>, minMs = 2000) {
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0);
  const first: Span[][] = [];
  // The first pass is also timed: caches (phone-number validity) are cold and the JIT is still warming, so
  // it is the figure for a corpus seen once; the repeated passes give the steady state.
  const firstCpu0 = process.cpuUsage();
  for (const d of docs) first.push(await predict(d.text)); // warm-up + the predictions we score
  const firstCpu = process.cpuUsage(firstCpu0);
  let passes = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  do {
    // A synchronous predictor (ours, redact-pii) is not awaited: a microtask per document is not detection.
    for (const d of docs) {
      const r = predict(d.text);
      if (r instanceof Promise) await r;
    }
    passes++;
  } while (performance.now() - t0 < minMs);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time of this process is the fairer "one core" measure on a shared machine; wall time is given too.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = (s: number) => Math.round(((bytes * passes) / s / 1e6) * 100) / 100;
  const firstPassMbPerSecond = Math.round((bytes / ((firstCpu.user + firstCpu.system) / 1e6) / 1e6) * 100) / 100;
  return { predictions: first, mbPerSecond: rate(cpuSeconds), mbPerSecondWall: rate(seconds), firstPassMbPerSecond, bytes };
}

/**
 * A reference figure for the machine: CPU nanoseconds per character of a trivial classifying loop over the
 * corpus. On an idle modern core it is well under 1 ns; on a shared, loaded machine several times more. Speed
 * figures below scale with it, so compare runs by it before comparing MB/s.
 */
function referenceLoopNsPerChar(docs: CorpusDoc[]): number {
  const chars = docs.reduce((s, d) => s + d.text.length, 0);
  let best = Infinity;
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const cpu0 = process.cpuUsage();
    for (let k = 0; k < 20; k++) {
      for (const d of docs) {
        const t = d.text;
        for (let i = 0; i < t.length; i++) {
          const c = t.charCodeAt(i);
          if (c >= 48 && c <= 57) sink++;
          else if (c >= 0x4e00 && c <= 0x9fff) sink += 2;
        }
      }
    }
    const cpu = process.cpuUsage(cpu0);
    best = Math.min(best, ((cpu.user + cpu.system) * 1000) / (chars * 20));
  }
  return sink > 0 ? Math.round(best * 100) / 100 : 0;
}

/** Spans of a redactor that only returns text: redact with a one-character marker and align. */
function spansFromMarkers(original: string, redacted: string, marker: string): Span[] {
  const parts = redacted.split(marker);
  const spans: Span[] = [];
  let pos = parts[0].length;
  for (let i = 1; i < parts.length; i++) {
    const seg = parts[i];
    const at = seg.length === 0 ? pos : original.indexOf(seg, pos + 1);
    const end = at < 0 ? original.length : at;
    if (end > pos) spans.push({ type: 'PII', start: pos, end });
    pos = end + seg.length;
  }
  return spans;
}

async function runOpenRedaction(docs: CorpusDoc[]) {
  try {
    const { OpenRedaction } = await import('openredaction');
    const redactor = new OpenRedaction({ redactionMode: 'placeholder' } as never);
    const predict = async (text: string): Promise<Span[]> => {
      const result = await redactor.detect(text);
      return result.detections.map((d) => ({ type: 'PII', start: d.position[0], end: d.position[1] }));
    };
    const { predictions, mbPerSecond, mbPerSecondWall } = await timed(docs, predict, 1500);
    return { ok: true, mbPerSecond, mbPerSecondWall, ...summary(evaluate(docs, predictions)) };
  } catch (error) {
    return { ok: false, reason: String(error) };
  }
}

async function runRedactPii(docs: CorpusDoc[]) {
  try {
    const { SyncRedactor } = await import('redact-pii');
    const marker = '\u0001';
    const redactor = new SyncRedactor({ globalReplaceWith: marker });
    const predict = (text: string): Span[] => spansFromMarkers(text, redactor.redact(text), marker);
    const { predictions, mbPerSecond, mbPerSecondWall } = await timed(docs, predict, 1500);
    return { ok: true, mbPerSecond, mbPerSecondWall, ...summary(evaluate(docs, predictions)) };
  } catch (error) {
    return { ok: false, reason: String(error) };
  }
}

function summary(e: ReturnType<typeof evaluate>) {
  return { anyTypeOverlapF1: e.anyType.f1, anyTypePrecision: e.anyType.precision, anyTypeRecall: e.anyType.recall, leakRate: e.leakRate };
}

function quick(docs: CorpusDoc[], detector: ReturnType<typeof createDetector>) {
  const e = evaluate(
    docs,
    docs.map((d) => detector.detect(d.text)),
  );
  return {
    documents: docs.length,
    entities: docs.reduce((s, d) => s + d.entities.length, 0),
    leakRate: e.leakRate,
    strictMicro: e.strict.micro,
    overlapMicro: e.overlap.micro,
    overlapF1ByType: Object.fromEntries(Object.entries(e.overlap.byType).map(([t, v]) => [t, v.f1])),
  };
}

export async function run() {
  const docs = loadCorpus();
  const detector = createDetector();
  detector.detect('预热 warm-up 陈大文'); // builds the lexicon once, outside the timing
  const ours = await timed(docs, (t) => detector.detect(t), 3000);
  const quality = evaluate(docs, ours.predictions);
  const result = {
    corpus: {
      documents: docs.length,
      entities: docs.reduce((s, d) => s + d.entities.length, 0),
      megabytes: Math.round((ours.bytes / 1e6) * 1000) / 1000,
    },
    edubridge: {
      mbPerSecond: ours.mbPerSecond,
      mbPerSecondWall: ours.mbPerSecondWall,
      firstPassMbPerSecond: ours.firstPassMbPerSecond,
      referenceLoopNsPerChar: referenceLoopNsPerChar(docs),
      leakRate: quality.leakRate,
      strictMicro: quality.strict.micro,
      overlapMicro: quality.overlap.micro,
      anyTypeOverlapF1: quality.anyType.f1,
      strictByType: quality.strict.byType,
      overlapByType: quality.overlap.byType,
    },
    // The detector was tuned by error analysis on corpus.jsonl (seed 20250618). Two checks on data it was
    // not tuned on: the same generator with another seed (new names and numbers, same templates), and a
    // small hand-written set with other phrasings (holdout-docs.ts).
    otherSeed: quick(generateCorpus(600, 777), detector),
    // Hand-written hold-outs (LABELLING.md). Both have now been read for error analysis (general causes
    // only), so they measure less blindly than when first written: a new set is the next honest check.
    handWrittenHoldout: quick(holdoutDocs(), detector),
    handWrittenHoldout2: quick(holdout2Docs(), detector),
    handWrittenHoldout2ByStyle: Object.fromEntries(
      HOLDOUT_2_STYLES.map((s) => {
        const q = quick(holdout2Docs(s.style), detector);
        return [
          s.style,
          { documents: q.documents, entities: q.entities, leakRate: q.leakRate, strictF1: q.strictMicro.f1, overlapF1: q.overlapMicro.f1 },
        ];
      }),
    ),
    // Hold-out 3 (100 documents, five more styles): measured blind first; see the README for the blind figure.
    handWrittenHoldout3: quick(holdout3Docs(), detector),
    handWrittenHoldout3ByStyle: Object.fromEntries(
      HOLDOUT_3_STYLES.map((s) => {
        const q = quick(holdout3Docs(s.style), detector);
        return [
          s.style,
          { documents: q.documents, entities: q.entities, leakRate: q.leakRate, strictF1: q.strictMicro.f1, overlapF1: q.overlapMicro.f1 },
        ];
      }),
    ),
    targets: TARGETS,
    meetsTargets: {
      leakRate: quality.leakRate <= TARGETS.leakRate,
      f1Strict: quality.strict.micro.f1 >= TARGETS.f1,
      f1Overlap: quality.overlap.micro.f1 >= TARGETS.f1,
      speed: ours.mbPerSecond >= TARGETS.mbPerSecond,
    },
    baselines: { openredaction: await runOpenRedaction(docs), 'redact-pii': await runRedactPii(docs) },
  };
  return result;
}

/** One line per data set (to stderr, so stdout stays the JSON). */
function printRows(r: Awaited<ReturnType<typeof run>>): void {
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  const line = (name: string, docs: number, ents: number, strict: number, overlap: number, leak: number) =>
    console.error(
      `${name.padEnd(34)} ${String(docs).padStart(5)} docs ${String(ents).padStart(5)} gold  strict F1 ${strict.toFixed(3)}  overlap F1 ${overlap.toFixed(3)}  leak ${pct(leak)}`,
    );
  const e = r.edubridge;
  line('corpus.jsonl (tuned on it)', r.corpus.documents, r.corpus.entities, e.strictMicro.f1, e.overlapMicro.f1, e.leakRate);
  for (const [name, q] of [
    ['same generator, seed 777', r.otherSeed],
    ['hand-written hold-out 1', r.handWrittenHoldout],
    ['hand-written hold-out 2', r.handWrittenHoldout2],
    ['hand-written hold-out 3', r.handWrittenHoldout3],
  ] as const) {
    line(name, q.documents, q.entities, q.strictMicro.f1, q.overlapMicro.f1, q.leakRate);
  }
  for (const [style, q] of Object.entries(r.handWrittenHoldout2ByStyle))
    line(`  hold-out 2: ${style}`, q.documents, q.entities, q.strictF1, q.overlapF1, q.leakRate);
  for (const [style, q] of Object.entries(r.handWrittenHoldout3ByStyle))
    line(`  hold-out 3: ${style}`, q.documents, q.entities, q.strictF1, q.overlapF1, q.leakRate);
  console.error(
    `speed (CPU time, one core): ${e.mbPerSecond} MB/s steady, ${e.firstPassMbPerSecond} MB/s first pass; wall ${e.mbPerSecondWall} MB/s; ` +
      `machine reference loop ${e.referenceLoopNsPerChar} ns/char (idle modern core: < 1)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await run();
  printRows(result);
  console.log(JSON.stringify(result, null, 2));
}
