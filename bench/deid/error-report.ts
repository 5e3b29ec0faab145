/**
 * Error analysis for tuning: prints missed (FN) and spurious (FP) spans per type with context.
 * Run: `node --import tsx bench/deid/error-report.ts [TYPE]`
 */
import { readFileSync } from 'node:fs';
import { detect } from '../../src/lib/deid/detect.ts';
const docs = readFileSync(new URL('./corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; entities: Array<{ type: string; start: number; end: number }> });
const want = process.argv[2];
const fn: Record<string, string[]> = {};
const fp: Record<string, string[]> = {};
for (const d of docs) {
  const pred = detect(d.text);
  for (const g of d.entities)
    if (!pred.some((p) => p.type === g.type && p.start === g.start && p.end === g.end)) {
      const o = pred.find((p) => p.start < g.end && g.start < p.end);
      (fn[g.type] ??= []).push(
        `«${d.text.slice(g.start, g.end)}» ctx=${JSON.stringify(d.text.slice(Math.max(0, g.start - 12), g.end + 8))}` +
          (o ? ` got ${o.type}«${d.text.slice(o.start, o.end)}»` : ''),
      );
    }
  for (const p of pred)
    if (
      !d.entities.some((g: { type: string; start: number; end: number }) => p.type === g.type && p.start === g.start && p.end === g.end)
    ) {
      (fp[p.type] ??= []).push(
        `«${d.text.slice(p.start, p.end)}» ${p.score} ${p.detector} ctx=${JSON.stringify(d.text.slice(Math.max(0, p.start - 12), p.end + 8))}`,
      );
    }
}
for (const [t, xs] of Object.entries(fn))
  if (!want || t === want) {
    console.log('FN', t, xs.length);
    xs.slice(0, 12).forEach((x) => console.log('   ', x));
  }
for (const [t, xs] of Object.entries(fp))
  if (!want || t === want) {
    console.log('FP', t, xs.length);
    xs.slice(0, 12).forEach((x) => console.log('   ', x));
  }
