import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

/**
 * Plain text of an uploaded file for the search index: PDF (pdf.js through `unpdf`), DOCX (`mammoth`),
 * PPTX (slides unzipped with `fflate`, text runs read with `fast-xml-parser`), plain text as is.
 * Other types have no text. Long texts are cut: the index keeps the first 200,000 characters.
 */
export const MAX_EXTRACTED_CHARS = 200_000;

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Whether a media type has text worth extracting. */
export function hasExtractableText(mediaType: string): boolean {
  return [PPTX, DOCX, 'application/pdf', 'text/plain'].includes(mediaType);
}

/** @example await extractFileText(pdfBytes, 'application/pdf') // 'Lesson 1 …' */
export async function extractFileText(bytes: Uint8Array, mediaType: string): Promise<string> {
  let text = '';
  if (mediaType === 'application/pdf') text = await pdfText(bytes);
  else if (mediaType === DOCX) text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  else if (mediaType === PPTX) text = pptxText(bytes);
  else if (mediaType === 'text/plain') text = new TextDecoder('utf-8').decode(bytes);
  return text
    .replace(/\s+\n/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
    .slice(0, MAX_EXTRACTED_CHARS);
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text.join('\n');
  } finally {
    await pdf.destroy();
  }
}

const xml = new XMLParser({ ignoreAttributes: true, preserveOrder: true, trimValues: false });

/** Every `<a:t>` run of every slide, slides in order, one line per paragraph. */
function pptxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes, { filter: (f) => /^ppt\/slides\/slide\d+\.xml$/.test(f.name) });
  const slides = Object.keys(files).sort((a, b) => slideNumber(a) - slideNumber(b));
  return slides.map((name) => paragraphs(xml.parse(strFromU8(files[name]))).join('\n')).join('\n\n');
}

const slideNumber = (name: string) => Number(/slide(\d+)\.xml$/.exec(name)?.[1] ?? 0);

type Node = Record<string, unknown>;

/** Walks the ordered XML tree; a:p starts a paragraph, a:t carries text. */
function paragraphs(nodes: unknown): string[] {
  const out: string[] = [];
  const walk = (list: unknown, into: string[] | null) => {
    if (!Array.isArray(list)) return;
    for (const node of list as Node[]) {
      for (const [tag, children] of Object.entries(node)) {
        if (tag === ':@') continue;
        if (tag === 'a:p') {
          const runs: string[] = [];
          walk(children, runs);
          const line = runs.join('').trim();
          if (line) out.push(line);
        } else if (tag === 'a:t' && into) {
          for (const c of children as Node[]) if (typeof c['#text'] !== 'undefined') into.push(String(c['#text']));
        } else {
          walk(children, into);
        }
      }
    }
  };
  walk(nodes, null);
  return out;
}
