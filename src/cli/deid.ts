import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import YAML from 'yaml';
import { detect, type Entity } from '../lib/deid/detect.ts';
import { detectTextStream, linesOf } from '../lib/deid/detect-stream.ts';
import { applyTablePolicy } from '../lib/deid/tables/apply-table-policy.ts';
import { columnarRows } from '../lib/deid/tables/columnar-table.ts';
import { readCsv } from '../lib/deid/tables/read-csv.ts';
import { riskReport } from '../lib/deid/tables/risk-report.ts';
import { readTableFile, writeTableFile } from '../lib/deid/tables/table-file.ts';
import type { TablePolicy } from '../lib/deid/tables/table-policy.ts';
import { cellText } from '../lib/deid/tables/table-row.ts';
import { ZTablePolicy } from '../shared/api/privacy.ts';

/**
 * `edubridge deid …`: the de-identification engines on files, with no database (docs/privacy.md, "CLI").
 * Output goes to stdout (machine-readable), human summaries and errors to stderr.
 */

type Format = 'jsonl' | 'text' | 'csv';

const span = (e: Entity) => ({ type: e.type, start: e.start, end: e.end, score: e.score });

/** Lines out with back-pressure, so a huge input never piles up in memory. */
async function writeLines(lines: AsyncIterable<string>, out: Writable): Promise<void> {
  if (out !== process.stdout) return pipeline(Readable.from(lines), out);
  for await (const line of lines) {
    if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
  }
}

function formatOf(input: string | undefined, given: string | undefined): Format {
  if (given) {
    if (given !== 'jsonl' && given !== 'text' && given !== 'csv') throw new Error(`unknown --format ${given} (jsonl, text or csv)`);
    return given;
  }
  const ext = input ? extname(input).toLowerCase() : '.jsonl';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  return 'text';
}

/**
 * JSONL: `{"id","text"}` in → `{"id","entities":[{type,start,end,score}]}` out, one line each.
 * CSV: every row → `{"id","entities":[{column,type,start,end,score}]}` (id from an `id` column or the row number).
 * Text: one `{type,start,end,score}` line per entity, offsets into the whole input.
 */
async function* detectLines(format: Format, source: Readable): AsyncGenerator<string> {
  if (format === 'jsonl') {
    source.setEncoding('utf8');
    let n = 0;
    for await (const line of linesOf(source as AsyncIterable<string>)) {
      n++;
      if (line.trim() === '') continue;
      let record: { id?: unknown; text?: unknown };
      try {
        record = JSON.parse(line) as { id?: unknown; text?: unknown };
      } catch {
        throw new Error(`line ${n} is not valid JSON`);
      }
      const text = typeof record.text === 'string' ? record.text : '';
      yield JSON.stringify({ id: record.id ?? n, entities: detect(text).map(span) }) + '\n';
    }
  } else if (format === 'csv') {
    let n = 0;
    for await (const row of readCsv(source)) {
      n++;
      const entities = Object.entries(row).flatMap(([column, value]) =>
        column === 'id' ? [] : detect(cellText(value)).map((e) => ({ column, ...span(e) })),
      );
      yield JSON.stringify({ id: row.id ?? n, entities }) + '\n';
    }
  } else {
    source.setEncoding('utf8');
    for await (const e of detectTextStream(source as AsyncIterable<string>)) yield JSON.stringify(span(e)) + '\n';
  }
}

/** Reads and validates a policy file (YAML or JSON; the format of docs/examples/deid-policy.yaml). */
export function readPolicyFile(path: string): TablePolicy {
  const parsed = ZTablePolicy.safeParse(YAML.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(policy)'}: ${i.message}`);
    throw new Error(`invalid policy ${path}:\n${lines.join('\n')}`);
  }
  return parsed.data as TablePolicy;
}

function run(action: () => Promise<void>): Promise<void> {
  return action().catch((e: unknown) => {
    process.stderr.write(`edubridge deid: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function deidCommand(): Command {
  const deid = new Command('deid').description('find and remove personal data in files (no database needed)');

  deid
    .command('detect')
    .description('find personal data: JSONL {"id","text"} lines (default), CSV rows or plain text; stdin/stdout when paths are omitted')
    .option('--in <file>', 'input file (default: stdin)')
    .option('--format <format>', 'jsonl | text | csv (default: from the file name; jsonl for stdin)')
    .option('--out <file>', 'output JSONL file (default: stdout)')
    .action((opts: { in?: string; format?: string; out?: string }) =>
      run(async () => {
        const format = formatOf(opts.in, opts.format);
        const source = opts.in ? createReadStream(opts.in) : process.stdin;
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        await writeLines(detectLines(format, source), out);
      }),
    );

  deid
    .command('apply')
    .description('de-identify a table (CSV, TSV, XLSX, JSONL) with a policy file; writes the output and a risk/utility report')
    .requiredOption('--in <file>', 'input table')
    .requiredOption('--policy <file>', 'policy YAML (see docs/examples/deid-policy.yaml)')
    .requiredOption('--out <file>', 'output table (format from the extension)')
    .option('--report <file>', 'report JSON (risk, utility, dropped columns)')
    .option(
      '--secret-file <file>',
      'key for pseudonym columns (≥ 16 bytes); without it a one-off random key is used and pseudonyms link nothing',
    )
    .action((opts: { in: string; policy: string; out: string; report?: string; secretFile?: string }) =>
      run(async () => {
        const policy = readPolicyFile(opts.policy);
        const needsSecret = Object.values(policy.columns).some((c) => c.operator === 'pseudonym');
        let secret: Buffer | undefined;
        if (opts.secretFile) secret = readFileSync(opts.secretFile);
        else if (needsSecret) {
          secret = randomBytes(32);
          process.stderr.write('note: no --secret-file; pseudonyms use a one-off random key and will not match other runs\n');
        }
        const result = await applyTablePolicy(readTableFile(opts.in), policy, { secret });
        await writeTableFile(opts.out, columnarRows(result.table, result.keep), result.table.columns);
        const published = result.keep.reduce((n, v) => n + v, 0);
        const report = {
          input: opts.in,
          output: opts.out,
          records: result.table.length,
          published,
          suppressed: result.table.length - published,
          columns: result.table.columns,
          dropped: result.dropped,
          quasi: result.quasi,
          k: policy.k ?? null,
          l: policy.l ?? null,
          risk: result.risk,
          utility: result.utility ?? null,
        };
        if (opts.report) writeFileSync(opts.report, JSON.stringify(report, null, 2) + '\n');
        process.stderr.write(
          `de-identified ${result.table.length} records → ${published} published (${report.suppressed} suppressed); ` +
            `dropped ${result.dropped.length} column(s); smallest class ${result.risk.smallestClass}, max risk ${pct(result.risk.maxRisk)}\n`,
        );
      }),
    );

  deid
    .command('risk')
    .description('re-identification risk of a released table (prosecutor model) as JSON on stdout; a summary on stderr')
    .requiredOption('--in <file>', 'released table')
    .requiredOption('--quasi <columns>', 'quasi-identifier columns, comma-separated')
    .option('--k <k>', 'the k to judge against', '5')
    .action((opts: { in: string; quasi: string; k: string }) =>
      run(async () => {
        const quasi = opts.quasi
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        const k = Number(opts.k);
        if (!Number.isInteger(k) || k < 1) throw new Error('--k must be a positive integer');
        const report = await riskReport(readTableFile(opts.in), quasi, { k });
        process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        process.stderr.write(
          `${report.records} records in ${report.classes} classes; smallest class ${report.smallestClass}; ` +
            `max risk ${pct(report.maxRisk)}, average risk ${pct(report.averageRisk)}; ` +
            `${report.recordsBelowK} record(s) (${pct(report.shareBelowK)}) in classes below k=${k}\n`,
        );
      }),
    );

  return deid;
}
