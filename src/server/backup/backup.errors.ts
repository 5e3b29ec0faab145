/**
 * Why a restore was refused. The CLI prints the message and exits 1; the target is untouched whenever one of
 * these is thrown.
 */
export type RestoreRefusal =
  | 'TARGET_NOT_EMPTY'
  | 'ARCHIVE_UNREADABLE'
  | 'ARCHIVE_CHECKSUM_MISMATCH'
  | 'ARCHIVE_UNEXPECTED_ENTRY'
  | 'ARCHIVE_FROM_NEWER_VERSION'
  | 'ARCHIVE_FROM_OTHER_LINEAGE';

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
  constructor(
    readonly code: RestoreRefusal,
    message: string,
  ) {
    super(message);
  }
}
