/**
 * Ingest cost of the xapi core, per statement: JSON.parse → validate → prepare → index keys.
 * Prints figures, never fails. Run: `node --import tsx src/lib/xapi/ingest.bench.ts`
 * (the lead may move it under bench/ and wire it into `npm run bench`).
 */
import { performance } from 'node:perf_hooks';
import { prepareStatementForStorage } from './prepare-statement.ts';
import { statementIndexKeys } from './statement-index.ts';
import { statementsEquivalent } from './compare-statements.ts';
import { formatStatement } from './format-statement.ts';
import { baseStatement, choiceActivity } from './testdata/statements.ts';
import { validateStatements } from './validate-statement.ts';

const batch = Array.from({ length: 100 }, (_, i) => {
  const s = baseStatement();
  s.id = `0b1f3c7e-5d2a-4c1e-9f7a-${String(i).padStart(12, '0')}`;
  if (i % 2) s.object = choiceActivity();
  return s;
});
const body = JSON.stringify(batch);
const authority = { mbox: 'mailto:client@lrs.example.edu' };

function run(label: string, rounds: number, fn: () => void): void {
  for (let i = 0; i < Math.min(rounds, 50); i++) fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  const ms = performance.now() - start;
  const perSecond = Math.round((rounds * batch.length) / (ms / 1000));
  console.log(`${label.padEnd(48)} ${perSecond.toLocaleString('en').padStart(12)} statements/s`);
}

run('JSON.parse only (baseline)', 500, () => JSON.parse(body));
run('parse + validate', 500, () => validateStatements(JSON.parse(body)));
run('parse + validate + prepare + index keys', 500, () => {
  const valid = validateStatements(JSON.parse(body));
  if (!valid.ok) throw new Error('invalid bench data');
  const stored = new Date();
  for (const s of valid.value) statementIndexKeys(prepareStatementForStorage(s, { stored, authority }));
});
run('statementsEquivalent (conflict check)', 500, () => {
  for (const s of batch) statementsEquivalent(s, s);
});
run('formatStatement ids', 500, () => {
  for (const s of batch) formatStatement(s, 'ids');
});
