/**
 * Scores the detector on the hand-written hold-outs, per style, and lists every miss and false alarm with
 * its context. For reading errors and finding their general cause — not for fitting the hold-out.
 * Run: `node --import tsx bench/deid/holdout-report.ts [--quiet]`
 */
import { createDetector } from '../../src/lib/deid/detect.ts';
import { HOLDOUT_2_STYLES } from './holdout-docs-2.ts';
import { holdout2Docs, holdoutDocs } from './holdout-docs.ts';
import { HOLDOUT_3_STYLES, holdout3Docs } from './holdout-docs-3.ts';
import { evaluate } from './score.ts';
import type { CorpusDoc } from './generate-corpus.ts';

const detector = createDetector();

function row(name: string, docs: CorpusDoc[]) {
  const e = evaluate(
    docs,
    docs.map((d) => detector.detect(d.text)),
  );
  const m = e.strict.micro;
  const o = e.overlap.micro;
  console.log(
    `${name.padEnd(14)} docs ${String(docs.length).padStart(3)}  gold ${String(m.tp + m.fn).padStart(3)}  strict F1 ${m.f1.toFixed(3)}  overlap F1 ${o.f1.toFixed(3)}  leak ${(e.leakRate * 100).toFixed(1)} %  (tp ${m.tp} fp ${m.fp} fn ${m.fn})`,
  );
}

row('holdout-1', holdoutDocs());
for (const s of HOLDOUT_2_STYLES) row(s.style, holdout2Docs(s.style));
row('holdout-2', holdout2Docs());
for (const s of HOLDOUT_3_STYLES) row(s.style, holdout3Docs(s.style));
row('holdout-3', holdout3Docs());

if (!process.argv.includes('--quiet')) {
  for (const d of [...holdoutDocs(), ...holdout2Docs(), ...holdout3Docs()]) {
    const pred = detector.detect(d.text);
    const show = (s: number, e: number) => `«${d.text.slice(s, e)}» …${d.text.slice(Math.max(0, s - 10), e + 6).replace(/\n/g, ' ')}…`;
    for (const g of d.entities) {
      if (pred.some((p) => p.type === g.type && p.start === g.start && p.end === g.end)) continue;
      const o = pred.find((p) => p.start < g.end && g.start < p.end);
      console.log(
        `MISS ${d.id} ${g.type} ${show(g.start, g.end)}${o ? `  got ${o.type}«${d.text.slice(o.start, o.end)}» ${o.score}` : ''}`,
      );
    }
    for (const p of pred) {
      if (d.entities.some((g) => g.type === p.type && g.start === p.start && g.end === p.end)) continue;
      if (d.entities.some((g) => g.start < p.end && p.start < g.end)) continue; // already shown as a boundary miss
      console.log(`FP   ${d.id} ${p.type} ${show(p.start, p.end)} ${p.score} ${p.detector}`);
    }
  }
}
