/**
 * Generalisation hierarchies for categorical quasi-identifiers (district → city → jurisdiction → *,
 * grade → stage → *, gender → *). A hierarchy is data: a nested object whose leaves are the values that
 * occur in tables. Internally the tree is flattened so that every node covers a contiguous range of leaf
 * ordinals (leaves are numbered in depth-first order) — the anonymiser then works on integers only:
 * the lowest common ancestor of a set of leaves is found from their smallest and largest ordinal.
 */

/** Nested hierarchy data: a branch maps child labels to their own children; a list holds leaves. */
export type HierarchySpec = { [label: string]: HierarchySpec | readonly string[] | null } | readonly string[];

export interface Hierarchy {
  /** Label of every node; node 0 is the root. */
  labels: string[];
  parent: Int32Array;
  depth: Int32Array;
  /** First and last leaf ordinal under each node (inclusive). */
  lo: Int32Array;
  hi: Int32Array;
  children: number[][];
  /** Leaf ordinal → node id. */
  leafNode: Int32Array;
  /** Leaf label → leaf ordinal. */
  leafIndex: Map<string, number>;
  /** Internal node label → node id (to place values that are already generalised). */
  nodeIndex: Map<string, number>;
  leafCount: number;
  maxDepth: number;
  /** The nested form this was built from (kept so the tree can be extended with unseen values). */
  spec: TreeNode;
}

interface TreeNode {
  label: string;
  children: TreeNode[];
}

/**
 * Builds a hierarchy from nested data. The root is `rootLabel` ('*' by default).
 * Leaf labels must be unique (a value has to name one place in the tree).
 * @example
 * treeHierarchy({ 广东省: { 广州市: ['天河区', '越秀区'], 深圳市: ['南山区'] }, 香港: ['中西區', '沙田區'] })
 */
export function treeHierarchy(spec: HierarchySpec, rootLabel = '*'): Hierarchy {
  return flatten({ label: rootLabel, children: toNodes(spec) });
}

/**
 * A one-level hierarchy: every value generalises straight to '*'. Suits gender and other short lists.
 * Values absent from the list are still accepted (they are added under the root when encoding).
 * @example flatHierarchy(['男', '女'])
 */
export function flatHierarchy(values: readonly string[] = [], rootLabel = '*'): Hierarchy {
  return treeHierarchy(values, rootLabel);
}

/**
 * Builds a hierarchy from (child, parent) pairs, the shape of an administrative-division table.
 * Nodes without a parent hang under the root.
 * @example hierarchyFromEdges([['天河区', '广州市'], ['广州市', '广东省']])
 */
export function hierarchyFromEdges(edges: readonly (readonly [string, string])[], rootLabel = '*'): Hierarchy {
  const nodes = new Map<string, TreeNode>();
  const hasParent = new Set<string>();
  const node = (label: string) => {
    let n = nodes.get(label);
    if (!n) nodes.set(label, (n = { label, children: [] }));
    return n;
  };
  for (const [child, parent] of edges) {
    if (hasParent.has(child)) throw new Error(`hierarchy: ${child} has two parents`);
    hasParent.add(child);
    node(parent).children.push(node(child));
  }
  const roots = [...nodes.values()].filter((n) => !hasParent.has(n.label));
  return flatten({ label: rootLabel, children: roots });
}

/**
 * Returns a hierarchy that also places `values` the tree does not know: a value naming an internal
 * node becomes a leaf under that node (it is already generalised to that level); any other value becomes
 * a leaf under the root. Returns the same object when nothing is missing.
 */
export function extendHierarchy(h: Hierarchy, values: Iterable<string>): Hierarchy {
  const missing = [...new Set([...values].filter((v) => !h.leafIndex.has(v)))];
  if (missing.length === 0) return h;
  const copy = (n: TreeNode): TreeNode => ({ label: n.label, children: n.children.map(copy) });
  const root = copy(h.spec);
  const byLabel = new Map<string, TreeNode>();
  const walk = (n: TreeNode) => {
    byLabel.set(n.label, n);
    n.children.forEach(walk);
  };
  walk(root);
  for (const v of missing) {
    const internal = byLabel.get(v);
    (internal ?? root).children.push({ label: v, children: [] });
  }
  return flatten(root);
}

/** Lowest common ancestor of the leaves with ordinals `a ≤ b` (contiguous numbering makes this a climb). */
export function lcaOfLeaves(h: Hierarchy, a: number, b: number): number {
  let node = h.leafNode[a];
  while (h.hi[node] < b) node = h.parent[node];
  return node;
}

function toNodes(spec: HierarchySpec | null): TreeNode[] {
  if (spec === null) return [];
  if (Array.isArray(spec)) return (spec as readonly string[]).map((label) => ({ label, children: [] }));
  return Object.entries(spec as Record<string, HierarchySpec | null>).map(([label, sub]) => ({
    label,
    children: toNodes(sub),
  }));
}

function flatten(root: TreeNode): Hierarchy {
  const labels: string[] = [];
  const parent: number[] = [];
  const depth: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const children: number[][] = [];
  const leafNode: number[] = [];
  const leafIndex = new Map<string, number>();
  const nodeIndex = new Map<string, number>();
  let maxDepth = 0;
  // Iterative DFS: deep trees must not overflow the stack.
  const visit = (n: TreeNode, p: number, d: number): number => {
    const id = labels.length;
    labels.push(n.label);
    parent.push(p);
    depth.push(d);
    lo.push(leafNode.length);
    hi.push(-1);
    children.push([]);
    maxDepth = Math.max(maxDepth, d);
    if (n.children.length === 0 && p !== -1) {
      if (leafIndex.has(n.label)) throw new Error(`hierarchy: leaf "${n.label}" appears twice`);
      leafIndex.set(n.label, leafNode.length);
      leafNode.push(id);
    } else if (p !== -1) {
      nodeIndex.set(n.label, id);
    }
    return id;
  };
  const stack: { node: TreeNode; id: number; next: number }[] = [{ node: root, id: visit(root, -1, 0), next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.node.children.length) {
      const child = top.node.children[top.next++];
      const id = visit(child, top.id, depth[top.id] + 1);
      children[top.id].push(id);
      stack.push({ node: child, id, next: 0 });
    } else {
      hi[top.id] = leafNode.length - 1;
      stack.pop();
    }
  }
  return {
    labels,
    parent: Int32Array.from(parent),
    depth: Int32Array.from(depth),
    lo: Int32Array.from(lo),
    hi: Int32Array.from(hi),
    children,
    leafNode: Int32Array.from(leafNode),
    leafIndex,
    nodeIndex,
    leafCount: leafNode.length,
    maxDepth,
    spec: root,
  };
}
