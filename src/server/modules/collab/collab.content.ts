import { getSchema, type JSONContent } from '@tiptap/core';
import { generateHTML, generateJSON } from '@tiptap/html/server';
import { Node as PmNode } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * The document model shared with the web editor: TipTap's StarterKit (headings, lists, marks, links…).
 * Undo/redo is a client concern (the collaboration extension brings Yjs' own undo manager).
 */
export const COLLAB_EXTENSIONS = [StarterKit.configure({ undoRedo: false })];
export const collabSchema = getSchema(COLLAB_EXTENSIONS);

/** The Y.XmlFragment TipTap's Collaboration extension binds to (its default `field`). */
export const COLLAB_FIELD = 'default';

export function fragmentOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(COLLAB_FIELD);
}

/** The document as StarterKit HTML; '' when it holds no text (an empty paragraph counts as empty). */
export function docToHtml(doc: Y.Doc): string {
  const json = yXmlFragmentToProsemirrorJSON(fragmentOf(doc)) as JSONContent;
  if (!json.content?.length) return '';
  const node = PmNode.fromJSON(collabSchema, json);
  if (node.textContent.trim() === '' && !hasLeafContent(node)) return '';
  return generateHTML(json, COLLAB_EXTENSIONS);
}

/** A stored Yjs state (one update) as HTML. */
export function stateToHtml(state: Uint8Array | null): string {
  if (!state) return '';
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  try {
    return docToHtml(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * HTML → a ProseMirror document in the StarterKit schema. Anything the schema has no place for (scripts,
 * styles, unknown tags, javascript: links) is dropped by the parser, so the result is safe to serve.
 */
export function htmlToNode(html: string): PmNode {
  const json = generateJSON(html, COLLAB_EXTENSIONS);
  return PmNode.fromJSON(collabSchema, json);
}

/**
 * Makes the Y document hold `node`, changing only what differs (y-prosemirror's diffing update), so
 * unchanged paragraphs keep their identity: cursors of connected editors and comment anchors in them survive.
 */
export function replaceContent(doc: Y.Doc, node: PmNode): void {
  doc.transact(() => {
    updateYFragment(doc, fragmentOf(doc), node, { mapping: new Map(), isOMark: new Map() });
  });
}

/** The ProseMirror document a stored state holds (for restoring a snapshot). */
export function stateToNode(state: Uint8Array): PmNode {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  try {
    const json = yXmlFragmentToProsemirrorJSON(fragmentOf(doc)) as JSONContent;
    if (!json.content?.length) return collabSchema.topNodeType.createAndFill()!;
    return PmNode.fromJSON(collabSchema, json);
  } finally {
    doc.destroy();
  }
}

function hasLeafContent(node: PmNode): boolean {
  let found = false;
  node.descendants((child) => {
    if (child.isLeaf && !child.isText && child.type.name !== 'hardBreak') found = true;
    return !found;
  });
  return found;
}
