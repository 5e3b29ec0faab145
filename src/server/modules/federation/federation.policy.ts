import type { Role } from '../../../shared/roles.ts';

/** Who may do what in federation; where is node-wide (peers belong to the node, not a school). */
export const federationPolicy = {
  /** Propose, accept and revoke peers; read feed health and held items. */
  managePeers: ['platform_admin'] as const satisfies readonly Role[],
  /** Who is told when an outgoing item is held by the personal-data check (of the item's jurisdiction). */
  heldNoticeTo: ['data_steward'] as const satisfies readonly Role[],
  /** Who may list held items: node admins (all), stewards (their jurisdictions). */
  readHeld: ['platform_admin', 'data_steward'] as const satisfies readonly Role[],
};
