import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import type { CollabAccess, CollabInternals } from './collab.service.ts';

/**
 * Who may do what with a document's versions and comments. The document's own module decides the level
 * (its authoriser); this says what each level allows:
 * - read: open it read-only, list versions and comments, resolve their own comment threads;
 * - write: edit, take and restore versions, comment, reply, resolve any thread.
 * No access answers 404, as if the document did not exist; read-only asking to write answers 403.
 */
export async function requireDocumentAccess(
  inner: CollabInternals,
  actor: Actor,
  name: string,
  needed: 'read' | 'write',
): Promise<Exclude<CollabAccess, null>> {
  const level = await inner.access(actor, name);
  if (!level) throw new AppError('NOT_FOUND');
  if (needed === 'write' && level !== 'write') throw new AppError('FORBIDDEN');
  return level;
}
