import type { ColumnarTable, DictColumn } from './columnar-table.ts';
import { labelOf, type GeneralisedLabel } from './generalised-label.ts';
import { mondrian } from './mondrian.ts';
import { encodeQuasi } from './quasi-encoding.ts';
import type { QuasiSpec } from './quasi-spec.ts';
import { riskFromClassSizes, type RiskReport } from './risk-report.ts';
import type { UtilityReport } from './utility-report.ts';

export interface AnonymiseOptions {
  quasi: readonly QuasiSpec[];
  k: number;
  /** Distinct l-diversity on `sensitive`; default 1 (off). */
  l?: number;
  sensitive?: string;
}

export interface AnonymiseResult {
  /** The input table with every quasi-identifier column replaced by its generalised labels. */
  table: ColumnarTable;
  /** 1 = published, 0 = suppressed. */
  keep: Uint8Array;
  risk: RiskReport;
  utility: UtilityReport;
}

/**
 * Makes a columnar table k-anonymous (and distinct l-diverse on a sensitive column) with the Mondrian
 * algorithm (see mondrian.ts for the method and citations), then renders each equivalence class's
 * quasi-identifiers as ranges or hierarchy labels and reports risk and utility of the result.
 * @example
 * const r = anonymiseTable(table, {
 *   k: 5, l: 2, sensitive: '健康状况',
 *   quasi: [{ column: '年龄', kind: 'number', band: 5 }, { column: '地区', kind: 'tree', hierarchy: geo }],
 * });
 * await writeCsv(columnarRows(r.table, r.keep), r.table.columns, out);
 */
export function anonymiseTable(table: ColumnarTable, options: AnonymiseOptions): AnonymiseResult {
  const { k } = options;
  const l = options.l ?? 1;
  const dims = options.quasi.map((spec) => {
    const col = table.data.get(spec.column);
    if (!col) throw new Error(`quasi-identifier column "${spec.column}" is not in the table`);
    return encodeQuasi(col, spec);
  });
  let sensitive: Int32Array | undefined;
  if (l > 1) {
    if (!options.sensitive) throw new Error('l-diversity needs a sensitive column');
    const col = table.data.get(options.sensitive);
    if (!col) throw new Error(`sensitive column "${options.sensitive}" is not in the table`);
    sensitive = col.codes;
  }
  const n = table.length;
  const result = mondrian({ dims, length: n, k, l, sensitive });
  const P = result.partitionCount;

  // Label every partition on every dimension; partitions with equal label tuples form one class.
  const labelCodes = dims.map(() => new Int32Array(P));
  const labelValues: string[][] = dims.map(() => []);
  const lossPerPartition: GeneralisedLabel[][] = dims.map(() => []);
  dims.forEach((dim, d) => {
    const index = new Map<string, number>();
    for (let p = 0; p < P; p++) {
      const g = labelOf(dim, result.minLeaf[d][p], result.maxLeaf[d][p]);
      lossPerPartition[d].push(g);
      let code = index.get(g.label);
      if (code === undefined) {
        code = labelValues[d].length;
        labelValues[d].push(g.label);
        index.set(g.label, code);
      }
      labelCodes[d][p] = code;
    }
  });
  const classSize = new Map<string, number>();
  for (let p = 0; p < P; p++) {
    let key = '';
    for (let d = 0; d < dims.length; d++) key += labelCodes[d][p] + ',';
    classSize.set(key, (classSize.get(key) ?? 0) + result.partitionSize[p]);
  }

  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) keep[i] = result.partitionOf[i] >= 0 ? 1 : 0;
  const data = new Map<string, DictColumn>(table.data);
  dims.forEach((dim, d) => {
    const codes = new Int32Array(n);
    const star = labelValues[d].length;
    for (let i = 0; i < n; i++) {
      const p = result.partitionOf[i];
      codes[i] = p >= 0 ? labelCodes[d][p] : star;
    }
    data.set(dim.spec.column, { codes, values: [...labelValues[d], '*'] });
  });

  const published = n - result.suppressed;
  const columns: UtilityReport['columns'] = {};
  dims.forEach((dim, d) => {
    let ncp = 0;
    let height = 0;
    for (let p = 0; p < P; p++) {
      ncp += lossPerPartition[d][p].ncp * result.partitionSize[p];
      height += lossPerPartition[d][p].height * result.partitionSize[p];
    }
    const denom = Math.max(published, 1);
    columns[dim.spec.column] = dim.kind === 'tree' ? { ncp: ncp / denom, height: height / denom } : { ncp: ncp / denom };
  });
  let discernibility = result.suppressed * n;
  for (const s of classSize.values()) discernibility += s * s;
  const classes = classSize.size;
  return {
    table: { length: n, columns: table.columns, data },
    keep,
    risk: riskFromClassSizes(classSize.values(), k),
    utility: {
      records: n,
      published,
      suppressed: result.suppressed,
      classes,
      averageClassSize: classes ? published / classes : 0,
      normalisedAverageClassSize: classes ? published / classes / k : 0,
      discernibility,
      columns,
    },
  };
}
