import { mkdirSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './support.ts';

/**
 * `npm run bench [name…]`: runs every bench/<name>/<name>.bench.ts (or the named ones), prints one table of
 * figures, and writes bench/results/<name>.json. Benchmarks never fail a build on a timing.
 */
const wanted = process.argv.slice(2);
const benchDir = path.join(ROOT, 'bench');
const suites = readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'results' && existsSync(path.join(benchDir, d.name, `${d.name}.bench.ts`)))
  .map((d) => d.name)
  .filter((n) => !wanted.length || wanted.includes(n));

mkdirSync(path.join(benchDir, 'results'), { recursive: true });
const rows: { suite: string; metric: string; value: string }[] = [];
for (const name of suites) {
  process.stderr.write(`bench ${name}…\n`);
  const started = Date.now();
  try {
    const mod = (await import(pathToFileURL(path.join(benchDir, name, `${name}.bench.ts`)).href)) as { run: () => Promise<unknown> };
    const result = await mod.run();
    const record = { suite: name, at: new Date().toISOString(), seconds: (Date.now() - started) / 1000, node: process.version, result };
    writeFileSync(path.join(benchDir, 'results', `${name}.json`), JSON.stringify(record, null, 2) + '\n');
    for (const [metric, value] of flatten(result)) rows.push({ suite: name, metric, value: fmt(value) });
  } catch (e) {
    rows.push({ suite: name, metric: 'error', value: (e as Error).message.slice(0, 120) });
  }
}

const w1 = Math.max(5, ...rows.map((r) => r.suite.length));
const w2 = Math.max(6, ...rows.map((r) => r.metric.length));
console.log(`${'suite'.padEnd(w1)}  ${'metric'.padEnd(w2)}  value`);
console.log(`${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ${'-'.repeat(12)}`);
for (const r of rows) console.log(`${r.suite.padEnd(w1)}  ${r.metric.padEnd(w2)}  ${r.value}`);

function flatten(v: unknown, prefix = ''): [string, unknown][] {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    return Object.entries(v).flatMap(([k, x]) => flatten(x, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix || 'value', v]];
}

function fmt(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
  if (Array.isArray(v)) return v.length > 6 ? `[${v.length} items]` : JSON.stringify(v);
  return String(v);
}
