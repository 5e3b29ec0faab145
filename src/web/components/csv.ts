import { stringify } from 'csv-stringify/browser/esm/sync';

/**
 * Builds a CSV file that Excel on a Chinese-language Windows opens correctly: UTF-8 with a byte-order
 * mark (without it Excel guesses GBK/Big5 and shows mojibake), CRLF line ends, and cells that start like
 * a formula (= + - @) escaped so a crafted name cannot run as one when opened.
 *
 * @example csvWithBom([['姓名', '学号'], ['陈小明', 'S001']]) // '\uFEFF姓名,学号\r\n陈小明,S001\r\n'
 */
export function csvWithBom(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + stringify(rows as string[][], { record_delimiter: 'windows', escape_formulas: true });
}

/** Offers text as a file download, made in the browser: nothing is sent to or kept by the server. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
