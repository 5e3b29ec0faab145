import { GBA_GEOGRAPHY } from './gba-geography.ts';
import { gradeHierarchy } from './grade-hierarchy.ts';
import { flatHierarchy, treeHierarchy, type Hierarchy, type HierarchySpec } from './hierarchy.ts';
import type { ColumnRole } from './header-lexicon.ts';
import type { QuasiSpec } from './quasi-spec.ts';

/**
 * A hierarchy as a policy names it: a built-in one, or the tree itself as data (policies are stored as
 * JSON, so a hierarchy arrives as nested objects, not as a built {@link Hierarchy}).
 */
export type HierarchyRef = 'gba-geography' | 'grade' | 'flat' | HierarchySpec;

export type ColumnPolicy = { role: ColumnRole } & (
  | { operator: 'drop' | 'keep' }
  /** Keyed pseudonym from ../pseudonymise.ts; `entity` scopes it (use the detector's type, e.g. STUDENT_ID,
   *  to match pseudonyms of the same values in free text). Default 'ID'. */
  | { operator: 'pseudonym'; entity?: string; length?: number }
  | { operator: 'mask'; keepStart?: number; keepEnd?: number; char?: string }
  | { operator: 'redact'; mode?: 'cell' | 'spans'; replacement?: string }
  | { operator: 'generalise'; kind: 'number'; band?: number }
  | { operator: 'generalise'; kind: 'date'; band?: 'day' | 'month' | 'year' }
  /** `level`: depth kept when no k is set (0 = '*', 1 = first level below the root, …). */
  | { operator: 'generalise'; kind: 'tree'; hierarchy: HierarchyRef; level?: number }
);

/**
 * A de-identification policy for one table, as a data steward writes it. With `k`, every column whose
 * operator is `generalise` is a quasi-identifier generalised jointly by the anonymiser (and `l` /
 * `sensitive` add distinct l-diversity); without `k`, `generalise` applies a fixed band or tree level.
 * Columns the policy does not name are dropped unless `unlisted: 'keep'` — new columns never leak by accident.
 */
export interface TablePolicy {
  columns: Record<string, ColumnPolicy>;
  k?: number;
  l?: number;
  sensitive?: string;
  unlisted?: 'drop' | 'keep';
}

/** Resolves a policy's hierarchy reference to a built hierarchy. */
export function resolveHierarchy(ref: HierarchyRef): Hierarchy {
  if (ref === 'gba-geography') return treeHierarchy(GBA_GEOGRAPHY);
  if (ref === 'grade') return gradeHierarchy();
  if (ref === 'flat') return flatHierarchy();
  return treeHierarchy(ref);
}

/** The quasi-identifier spec of a `generalise` column. */
export function quasiSpecOf(column: string, policy: ColumnPolicy & { operator: 'generalise' }): QuasiSpec {
  if (policy.kind === 'tree') return { column, kind: 'tree', hierarchy: resolveHierarchy(policy.hierarchy) };
  if (policy.kind === 'date') return { column, kind: 'date', band: policy.band };
  return { column, kind: 'number', band: policy.band };
}
