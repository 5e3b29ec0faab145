import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * Comment anchors are Yjs relative positions: they point at characters, not offsets, so a comment stays on
 * its passage while co-authors type above it. Stored as base64 of Y.encodeRelativePosition.
 */

function binding(editor: Editor) {
  const state = ySyncPluginKey.getState(editor.state) as
    { type: Y.XmlFragment; doc: Y.Doc; binding: { mapping: Map<never, never> } } | undefined;
  return state?.binding ? state : null;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The editor's selection as an anchor plus the quoted text; null when nothing is selected. */
export function anchorOfSelection(editor: Editor): { anchor: { from: string; to: string }; quote: string } | null {
  const { from, to, empty } = editor.state.selection;
  const sync = binding(editor);
  if (empty || !sync) return null;
  const encode = (pos: number) =>
    toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping)));
  return { anchor: { from: encode(from), to: encode(to) }, quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 1000) };
}

/** Where an anchor's passage is now; null when it has been deleted. */
export function resolveAnchor(editor: Editor, anchor: { from: string; to: string }): { from: number; to: number } | null {
  const sync = binding(editor);
  if (!sync) return null;
  try {
    const at = (text: string) =>
      relativePositionToAbsolutePosition(sync.doc, sync.type, Y.decodeRelativePosition(fromBase64(text)), sync.binding.mapping);
    const from = at(anchor.from);
    const to = at(anchor.to);
    return from !== null && to !== null && to > from ? { from, to } : null;
  } catch {
    return null;
  }
}
