/** Caret colours, readable on white; a user keeps the same colour in every lesson. */
const COLOURS = ['#d4380d', '#1677ff', '#389e0d', '#c41d7f', '#d48806', '#08979c', '#531dab', '#7cb305'];

export function colourFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length];
}

/** The websocket endpoint on the same origin as the page (the session cookie goes with the upgrade). */
export function collabSocketUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
}
