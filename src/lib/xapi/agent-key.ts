/**
 * Agent identity (Data 2.4.2.3): one canonical string per inverse functional identifier, for indexing
 * statements and matching the `agent` filter, and the Person object of GET /agents (Communication 2.4).
 */
import type { Account, Agent, Group } from './statement.types.ts';

/**
 * The canonical key of an Agent's or identified Group's IFI; undefined for an anonymous Group.
 * The mbox domain and SHA-1 hex are compared case-insensitively (Data 2.3.1.b7, 2.4.2.3.s4.b1);
 * the local part of an address, openid and account stay case-sensitive.
 * @example agentKey({ mbox: 'mailto:Li.Wei@Example.EDU.hk' }) // 'mbox:mailto:Li.Wei@example.edu.hk'
 * @example agentKey({ account: { homePage: 'https://lms.example.edu', name: 's001' } }) // 'account:["https://lms.example.edu","s001"]'
 */
export function agentKey(agent: Agent | Group): string | undefined {
  if (agent.mbox !== undefined) return `mbox:${normaliseMbox(agent.mbox)}`;
  if (agent.mbox_sha1sum !== undefined) return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (agent.openid !== undefined) return `openid:${agent.openid}`;
  if (agent.account !== undefined) return `account:${JSON.stringify([agent.account.homePage, agent.account.name])}`;
  return undefined;
}

/** `mailto:Li@Example.COM` → `mailto:Li@example.com` (the scheme too is case-insensitive). */
export function normaliseMbox(mbox: string): string {
  const at = mbox.lastIndexOf('@');
  const local = mbox.slice(0, at);
  const scheme = local.slice(0, 7).toLowerCase();
  return `${scheme}${local.slice(7)}${mbox.slice(at).toLowerCase()}`;
}

/** The Person object of GET /agents: every name and identifier known for one person, as arrays. */
export interface Person {
  objectType: 'Person';
  name?: string[];
  mbox?: string[];
  mbox_sha1sum?: string[];
  openid?: string[];
  account?: Account[];
}

/**
 * Merges the Agents the LRS knows to be one person into a Person object (Communication 2.4).
 * With no other knowledge, pass just the requested Agent: the LRS must still answer with a Person
 * holding its information. Duplicates (by canonical key) are dropped; empty arrays are omitted.
 * @example personFromAgents([{ name: '陈小明', mbox: 'mailto:xm@example.edu' }])
 * // { objectType: 'Person', name: ['陈小明'], mbox: ['mailto:xm@example.edu'] }
 */
export function personFromAgents(agents: readonly Agent[]): Person {
  const names = new Set<string>();
  const mboxes = new Map<string, string>();
  const sha1s = new Map<string, string>();
  const openids = new Set<string>();
  const accounts = new Map<string, Account>();
  for (const agent of agents) {
    if (agent.name !== undefined) names.add(agent.name);
    if (agent.mbox !== undefined) mboxes.set(normaliseMbox(agent.mbox), agent.mbox);
    if (agent.mbox_sha1sum !== undefined) sha1s.set(agent.mbox_sha1sum.toLowerCase(), agent.mbox_sha1sum);
    if (agent.openid !== undefined) openids.add(agent.openid);
    if (agent.account !== undefined) {
      accounts.set(JSON.stringify([agent.account.homePage, agent.account.name]), {
        homePage: agent.account.homePage,
        name: agent.account.name,
      });
    }
  }
  const person: Person = { objectType: 'Person' };
  if (names.size) person.name = [...names];
  if (mboxes.size) person.mbox = [...mboxes.values()];
  if (sha1s.size) person.mbox_sha1sum = [...sha1s.values()];
  if (openids.size) person.openid = [...openids];
  if (accounts.size) person.account = [...accounts.values()];
  return person;
}
