import { z } from 'zod';
import { ZId } from './common.ts';

/** `<type>:<id>`, e.g. `lesson:0193…` — the type picks the module that authorises it. */
export const ZDocumentName = z.string().regex(/^[a-z][a-z0-9_-]{0,30}:[A-Za-z0-9_-]{1,100}$/, 'a document name is <type>:<id>');
export const ZDocumentParams = z.object({ name: ZDocumentName });
export const ZSnapshotParams = z.object({ name: ZDocumentName, snapshotId: ZId });
export const ZThreadParams = z.object({ name: ZDocumentName, threadId: ZId });

export const ZCreateSnapshotBody = z.object({ label: z.string().trim().min(1).max(120) });
export type CreateSnapshotBody = z.infer<typeof ZCreateSnapshotBody>;

/** A Yjs relative position (Y.encodeRelativePosition), base64. */
const ZRelativePosition = z
  .string()
  .min(4)
  .max(400)
  .regex(/^[A-Za-z0-9+/]+=*$/);

export const ZCreateCommentBody = z.object({
  body: z.string().trim().min(1).max(4000),
  anchor: z.object({ from: ZRelativePosition, to: ZRelativePosition }),
  /** The passage as the commenter saw it; shown if the passage is later deleted. */
  quote: z.string().max(1000),
});
export type CreateCommentBody = z.infer<typeof ZCreateCommentBody>;

export const ZReplyBody = z.object({ body: z.string().trim().min(1).max(4000) });
export type ReplyBody = z.infer<typeof ZReplyBody>;

export const ZResolveBody = z.object({ resolved: z.boolean() });

export interface CollabPerson {
  id: string;
  displayName: string;
}

export interface CollabSnapshot {
  id: string;
  label: string;
  kind: 'named' | 'before_restore';
  createdAt: string;
  createdBy: CollabPerson | null;
}

export interface CollabComment {
  id: string;
  body: string;
  author: CollabPerson;
  createdAt: string;
}

export interface CollabThread extends CollabComment {
  anchor: { from: string; to: string };
  quote: string;
  resolvedAt: string | null;
  resolvedBy: CollabPerson | null;
  replies: CollabComment[];
  /** The caller may resolve or reopen it (its author, or anyone who may edit the document). */
  canResolve: boolean;
}

export interface CollabDocumentAccess {
  name: string;
  access: 'write' | 'read';
}
