/** Colours for entity types and column roles, so the same kind of data looks the same on every page. */
const ENTITY_COLOURS: Record<string, string> = {
  PERSON: 'volcano',
  PHONE: 'orange',
  EMAIL: 'gold',
  ADDRESS: 'lime',
  DATE_OF_BIRTH: 'cyan',
  STUDENT_ID: 'blue',
  CN_RESIDENT_ID: 'red',
  HK_ID: 'red',
  MO_ID: 'red',
};

export function entityColour(type: string): string {
  return ENTITY_COLOURS[type] ?? 'magenta';
}

export const ROLE_COLOURS: Record<string, string> = {
  direct_identifier: 'red',
  quasi_identifier: 'orange',
  sensitive: 'purple',
  other: 'default',
};

export const STATUS_COLOURS: Record<string, string> = {
  draft: 'default',
  pending: 'gold',
  active: 'green',
  revoked: 'red',
  expired: 'default',
  queued: 'default',
  running: 'processing',
  ready: 'blue',
  approved: 'green',
  failed: 'red',
  rejected: 'red',
};
