import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractFileText } from './library.extract.ts';
import { sniff } from './library.file-types.ts';
import { plainText, sanitiseBody } from './library.sanitise.ts';

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function pptx(slides: string[][]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>`,
    ),
  };
  slides.forEach((paras, i) => {
    const ps = paras.map((p) => `<a:p><a:r><a:t>${p.slice(0, 3)}</a:t></a:r><a:r><a:t>${p.slice(3)}</a:t></a:r></a:p>`).join('');
    files[`ppt/slides/slide${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><p:sld xmlns:a="a" xmlns:p="p"><p:cSld><p:spTree><p:sp><p:txBody>${ps}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
    );
  });
  return zipSync(files);
}

function docx(text: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
}

describe('file types are decided by content', () => {
  it('recognises PDF, Office files and plain text whatever they are called', async () => {
    const pdf = await (await PDFDocument.create()).save();
    expect(await sniff(pdf)).toMatchObject({ ok: true, mediaType: 'application/pdf' });
    expect(await sniff(pptx([['机器人编程']]))).toMatchObject({ ok: true, mediaType: PPTX });
    expect(await sniff(docx('教案'))).toMatchObject({ ok: true, mediaType: DOCX });
    expect(await sniff(Buffer.from('第一课 笔记\n'))).toMatchObject({ ok: true, mediaType: 'text/plain' });
  });

  it('refuses executables and scripts, and unknown binaries', async () => {
    expect(await sniff(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)]))).toMatchObject({
      ok: false,
      reason: 'executable',
    });
    expect(await sniff(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toMatchObject({ ok: false, reason: 'executable' });
    expect(await sniff(Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]))).toMatchObject({ ok: false, reason: 'not_allowed' });
  });
});

describe('text extraction', () => {
  it('reads slide text from PPTX in slide order', async () => {
    expect(await extractFileText(pptx([['第一张：机器人'], ['第二张：编程', '传感器']]), PPTX)).toBe(
      '第一张：机器人\n第二张：编程\n传感器',
    );
  });

  it('reads DOCX and PDF text', async () => {
    expect(await extractFileText(docx('图像识别教案'), DOCX)).toBe('图像识别教案');
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Neural networks unplugged', { font: await doc.embedFont(StandardFonts.Helvetica) });
    expect(await extractFileText(await doc.save(), 'application/pdf')).toContain('Neural networks unplugged');
  });
});

describe('rich text', () => {
  it('keeps structure and safe links, drops scripts and handlers', () => {
    const html = sanitiseBody(
      '<h2 onclick="x()">目标</h2><a href="javascript:alert(1)">坏</a><a href="https://example.org">好</a><img src="x" onerror="y()"><style>p{}</style>',
    );
    expect(html).toBe(
      '<h2>目标</h2><a rel="noopener noreferrer nofollow">坏</a><a href="https://example.org" rel="noopener noreferrer nofollow">好</a><img src="x" />',
    );
  });

  it('gives plain text with blocks on their own lines', () => {
    expect(plainText('<p>机器人</p><p>编程 &amp; AI &lt;3</p>')).toBe('机器人\n编程 & AI <3');
  });
});
