import type { CartridgeWarning } from './cartridge.types.ts';
import type { ManifestItem } from './read-manifest.ts';

/** A leaf of the organisation tree: the item that points at a resource, with the title to show. */
export interface FoldedLeaf {
  title: string;
  identifierref: string;
}

export interface FoldedUnit {
  title: string;
  leaves: FoldedLeaf[];
}

const SEPARATOR = ' › ';

/**
 * Folds an organisation tree to units → items. The single untitled root item CC requires is skipped; its
 * children are the units (Canvas modules, Moodle sections). Deeper folders are flattened into their unit and
 * their titles kept as a prefix of each item's title ("Study Guide › Pretest"), so the teacher still sees
 * where an item came from. Items that sit directly under the root are gathered into a unit named after the
 * cartridge; an untitled unit takes the title of its first item. Items with neither a resource nor children
 * (text headers) are dropped with an EMPTY_ITEM warning.
 */
export function foldOrganization(topItems: ManifestItem[], cartridgeTitle: string, warnings: CartridgeWarning[]): FoldedUnit[] {
  const tops = topItems.length === 1 && !topItems[0].identifierref ? topItems[0].children : topItems;
  const seen = new Set<string>();
  const checkDuplicate = (item: ManifestItem) => {
    if (!item.identifier) return;
    if (seen.has(item.identifier)) {
      warnings.push({ code: 'DUPLICATE_IDENTIFIER', message: `item identifier ${item.identifier} is used twice`, subject: item.title });
    }
    seen.add(item.identifier);
  };

  const units: FoldedUnit[] = [];
  let loose: FoldedUnit | null = null;
  for (const top of tops) {
    checkDuplicate(top);
    if (top.identifierref && !top.children.length) {
      if (!loose) {
        loose = { title: cartridgeTitle, leaves: [] };
        units.push(loose);
      }
      loose.leaves.push({ title: top.title, identifierref: top.identifierref });
      continue;
    }
    loose = null;
    const unit: FoldedUnit = { title: top.title, leaves: [] };
    if (top.identifierref) unit.leaves.push({ title: top.title, identifierref: top.identifierref });
    flatten(top.children, [], unit.leaves, warnings, checkDuplicate);
    if (!unit.title) unit.title = unit.leaves[0]?.title ?? '';
    units.push(unit);
  }
  return units;
}

function flatten(
  items: ManifestItem[],
  path: string[],
  into: FoldedLeaf[],
  warnings: CartridgeWarning[],
  checkDuplicate: (item: ManifestItem) => void,
): void {
  for (const item of items) {
    checkDuplicate(item);
    const titled = [...path, item.title].filter(Boolean).join(SEPARATOR);
    if (item.identifierref) into.push({ title: titled, identifierref: item.identifierref });
    if (item.children.length) flatten(item.children, item.title ? [...path, item.title] : path, into, warnings, checkDuplicate);
    if (!item.identifierref && !item.children.length) {
      warnings.push({ code: 'EMPTY_ITEM', message: 'item without content skipped', subject: titled || item.identifier });
    }
  }
}
