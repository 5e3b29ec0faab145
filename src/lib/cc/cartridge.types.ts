/**
 * JSON-serialisable structured data beyond what Common Cartridge describes (extension-data.ts); only
 * cartridges written by this library carry it, and a reader must validate it like any other input.
 */
export type CartridgeData = Record<string, unknown>;

/** The course content of an IMS Common Cartridge, folded to two levels (units → items). */
export interface Cartridge {
  title: string;
  description?: string;
  language?: string;
  identifier?: string;
  /** Course-level extension data. */
  data?: CartridgeData;
  units: CartridgeUnit[];
}

export interface CartridgeUnit {
  title: string;
  items: CartridgeItem[];
}

export type CartridgeItem =
  | { kind: 'page'; title: string; html: string; data?: CartridgeData }
  | { kind: 'file'; title: string; path: string }
  | { kind: 'link'; title: string; url: string }
  | { kind: 'lti'; title: string; url: string }
  | { kind: 'discussion'; title: string; html: string }
  | { kind: 'unsupported'; title: string; type: string };

/** Something in the package that was skipped or kept as a placeholder; the import goes on. */
export interface CartridgeWarning {
  code:
    | 'MISSING_FILE' // a resource's file is not in the archive
    | 'DANGLING_REFERENCE' // an item's identifierref names no resource
    | 'UNSUPPORTED_TYPE' // a resource type this library does not import (quizzes, assignments, unknown types)
    | 'DUPLICATE_IDENTIFIER' // two items or resources share an identifier
    | 'EMPTY_ITEM' // an item with neither a resource nor children (a text header)
    | 'BAD_RESOURCE' // a weblink / LTI / discussion XML that could not be read
    | 'MULTIPLE_ORGANIZATIONS'; // only the first organisation is read
  message: string;
  /** The item's title or the archive path the warning is about. */
  subject?: string;
}

export interface ReadResult {
  cartridge: Cartridge;
  files: Map<string, Uint8Array>;
  warnings: CartridgeWarning[];
}

/** Limits on an archive, checked against the bytes actually inflated (declared sizes are checked too, first). */
export interface CartridgeLimits {
  /** Entries in the zip, directories included. */
  maxEntries: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed bytes of one entry, checked once it has inflated more than 1 MiB. */
  maxCompressionRatio: number;
}

export const DEFAULT_LIMITS: CartridgeLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 500 * 1024 * 1024,
  maxCompressionRatio: 200,
};

export type CartridgeErrorCode =
  | 'NOT_A_ZIP'
  | 'NO_MANIFEST'
  | 'MANIFEST_INVALID'
  | 'UNSUPPORTED_VERSION'
  | 'PATH_TRAVERSAL'
  | 'TOO_MANY_ENTRIES'
  | 'ENTRY_TOO_LARGE'
  | 'TOTAL_TOO_LARGE'
  | 'EMPTY';

/** A package that cannot be imported at all; `code` is stable (the courses module maps it to an AppError). */
export class CartridgeError extends Error {
  readonly code: CartridgeErrorCode;
  constructor(code: CartridgeErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'CartridgeError';
    this.code = code;
  }
}
