import { anonymiseTable } from './anonymise-table.ts';
import { toColumnar, type ColumnarTable, type DictColumn } from './columnar-table.ts';
import { labelOf } from './generalised-label.ts';
import { maskValue } from '../anonymise.ts';
import { pseudonymise } from '../pseudonymise.ts';
import { redactSpans } from './cell-operators.ts';
import { piiDetector, type PiiDetector } from './pii-adapter.ts';
import { encodeQuasi } from './quasi-encoding.ts';
import { riskFromClassSizes, type RiskReport } from './risk-report.ts';
import { quasiSpecOf, type ColumnPolicy, type TablePolicy } from './table-policy.ts';
import { cellText, type CellValue, type RowSource } from './table-row.ts';
import type { UtilityReport } from './utility-report.ts';

export interface ApplyPolicyOptions {
  /** Secret for `pseudonym` columns (from the sharing agreement's key store; never from the policy). */
  secret?: string | Uint8Array;
  /** Detector for `redact` with mode 'spans'; default `detect` from ../detect.ts. */
  detector?: PiiDetector;
}

export interface ApplyPolicyResult {
  /** The de-identified table (only published columns, in input order). */
  table: ColumnarTable;
  /** 1 = published row, 0 = suppressed. */
  keep: Uint8Array;
  /** Risk over the quasi-identifier (`generalise`) columns as released; judged against policy.k or 5. */
  risk: RiskReport;
  /** Present when k-anonymisation ran. */
  utility?: UtilityReport;
  quasi: string[];
  dropped: string[];
}

/**
 * Applies a steward's {@link TablePolicy} to a table: drops, pseudonymises, masks and redacts direct
 * identifiers, generalises quasi-identifiers (jointly to k-anonymity with l-diversity when `k` is set),
 * and reports the residual risk. Operators run once per distinct value (the table is dictionary-encoded).
 * @example
 * const out = await applyTablePolicy(readTableFile('roster.csv'), {
 *   k: 5, l: 2, sensitive: '健康状况',
 *   columns: {
 *     学号: { role: 'direct_identifier', operator: 'pseudonym' },
 *     姓名: { role: 'direct_identifier', operator: 'drop' },
 *     年龄: { role: 'quasi_identifier', operator: 'generalise', kind: 'number', band: 5 },
 *     地区: { role: 'quasi_identifier', operator: 'generalise', kind: 'tree', hierarchy: 'gba-geography' },
 *     健康状况: { role: 'sensitive', operator: 'keep' },
 *   },
 * }, { secret });
 * await writeTableFile('out.csv', columnarRows(out.table, out.keep), out.table.columns);
 */
export async function applyTablePolicy(
  rows: RowSource | ColumnarTable,
  policy: TablePolicy,
  options: ApplyPolicyOptions = {},
): Promise<ApplyPolicyResult> {
  const input = isColumnar(rows) ? rows : await toColumnar(rows);
  const policyOf = (c: string): ColumnPolicy | undefined =>
    policy.columns[c] ?? (policy.unlisted === 'keep' ? { role: 'other', operator: 'keep' } : undefined);
  const missing = Object.keys(policy.columns).filter((c) => !input.data.has(c));
  if (missing.length > 0) throw new Error(`policy names columns the table lacks: ${missing.join(', ')}`);
  if (policy.k !== undefined) {
    const keptQuasi = Object.entries(policy.columns).filter(
      ([, p]) => p.role === 'quasi_identifier' && p.operator !== 'generalise' && p.operator !== 'drop',
    );
    if (keptQuasi.length > 0) {
      throw new Error(`with k set, quasi-identifiers must be generalised or dropped: ${keptQuasi.map(([c]) => c).join(', ')}`);
    }
  }
  if (policy.l !== undefined && policy.l > 1 && policy.sensitive && policyOf(policy.sensitive)?.operator !== 'keep') {
    throw new Error(`the l-diversity column "${policy.sensitive}" must be kept as is`);
  }

  const dropped: string[] = [];
  const quasi: string[] = [];
  const data = new Map<string, DictColumn>();
  const columns: string[] = [];
  for (const c of input.columns) {
    const p = policyOf(c);
    const col = input.data.get(c)!;
    if (!p || p.operator === 'drop') {
      dropped.push(c);
      continue;
    }
    columns.push(c);
    if (p.operator === 'generalise') quasi.push(c);
    data.set(c, transformColumn(col, p, policy.k !== undefined, options));
  }
  let table: ColumnarTable = { length: input.length, columns, data };
  let keep: Uint8Array = new Uint8Array(input.length).fill(1);
  let utility: UtilityReport | undefined;
  if (policy.k !== undefined && quasi.length > 0) {
    const specs = quasi.map((c) => quasiSpecOf(c, policy.columns[c] as ColumnPolicy & { operator: 'generalise' }));
    const result = anonymiseTable(table, { quasi: specs, k: policy.k, l: policy.l, sensitive: policy.sensitive });
    table = result.table;
    keep = result.keep;
    utility = result.utility;
  }
  return { table, keep, risk: columnarRisk(table, keep, quasi, policy.k ?? 5), utility, quasi, dropped };
}

function isColumnar(x: unknown): x is ColumnarTable {
  return typeof x === 'object' && x !== null && 'data' in x && (x as ColumnarTable).data instanceof Map;
}

/** Applies a cell operator to each distinct value of a column, re-deduplicating the results. */
function transformColumn(col: DictColumn, p: ColumnPolicy, jointly: boolean, options: ApplyPolicyOptions): DictColumn {
  const map = (f: (v: CellValue, i: number) => CellValue) => mapDistinct(col, f);
  switch (p.operator) {
    case 'keep':
    case 'drop':
      return col;
    case 'pseudonym': {
      const secret = options.secret;
      if (!secret || secret.length < 16) throw new Error('pseudonym needs a secret of at least 16 bytes');
      return map((v) => (v === null || cellText(v) === '' ? null : pseudonymise(p.entity ?? 'ID', cellText(v), secret, p.length)));
    }
    case 'mask':
      return map((v) => (v === null ? null : maskValue(cellText(v), p.keepStart ?? 0, p.keepEnd ?? 0, p.char ?? '*')));
    case 'redact': {
      if (p.mode === 'spans') {
        const detector = piiDetector(options.detector);
        return map((v) => (v === null ? null : redactSpans(cellText(v), detector)));
      }
      return map((v) => (v === null || cellText(v) === '' ? v : (p.replacement ?? '[REDACTED]')));
    }
    case 'generalise': {
      if (jointly) return col; // the anonymiser generalises quasi-identifiers together
      // Fixed generalisation: each distinct value on its own, at the band or tree level the policy names.
      const dim = encodeQuasi({ codes: Int32Array.from(col.values.keys()), values: col.values }, quasiSpecOf('', p));
      if (dim.kind === 'tree' && p.kind === 'tree') {
        const h = dim.hierarchy;
        const level = p.level ?? 1;
        return map((_, i) => {
          let node = h.leafNode[dim.codes[i]];
          while (h.depth[node] > level) node = h.parent[node];
          return h.labels[node];
        });
      }
      return map((_, i) => labelOf(dim, dim.codes[i], dim.codes[i]).label);
    }
  }
}

/** Maps dictionary values and merges values that become equal, so equal output shares one code. */
function mapDistinct(col: DictColumn, f: (v: CellValue, i: number) => CellValue): DictColumn {
  const values: CellValue[] = [];
  const index = new Map<string, number>();
  const translate = new Int32Array(col.values.length);
  col.values.forEach((v, i) => {
    const out = f(v, i);
    const key = out === null ? '\u0000null' : cellText(out);
    let code = index.get(key);
    if (code === undefined) {
      code = values.length;
      values.push(out);
      index.set(key, code);
    }
    translate[i] = code;
  });
  const codes = new Int32Array(col.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = translate[col.codes[i]];
  return { codes, values };
}

function columnarRisk(table: ColumnarTable, keep: Uint8Array, quasi: readonly string[], k: number): RiskReport {
  const cols = quasi.map((c) => table.data.get(c)!.codes);
  const sizes = new Map<string, number>();
  for (let i = 0; i < table.length; i++) {
    if (keep[i] === 0) continue;
    let key = '';
    for (const c of cols) key += c[i] + ',';
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return riskFromClassSizes(sizes.values(), k);
}
