/**
 * The keys a stored statement is found by, for the GET /statements filters `agent`, `activity`,
 * `related_agents` and `related_activities` (Communication 2.1.3). The database stores these sets per
 * statement, so a filter is an index lookup and never a scan of statement JSON.
 */
import { agentKey } from './agent-key.ts';
import type { Activity, Actor, Context, Statement, StatementObject } from './statement.types.ts';

export interface StatementIndexKeys {
  /** Actor or object (a Group matches by its IFI and by each member's). */
  agents: string[];
  /** Also authority, instructor, team, and the same places inside a SubStatement. */
  relatedAgents: string[];
  /** The object, when an Activity. */
  activities: string[];
  /** Also every context activity, and the same places inside a SubStatement. */
  relatedActivities: string[];
}

/**
 * Computes the lookup keys of a statement (agent keys from `agentKey`, activity ids as sent).
 * StatementRef targets are not followed here: the query layer applies the "targeting statements"
 * rule (Communication 2.1.3, Filter Conditions for StatementRefs) with the referenced statement's keys.
 * @example statementIndexKeys(stored).agents // ['mbox:mailto:xm@example.edu']
 */
export function statementIndexKeys(statement: Statement): StatementIndexKeys {
  const agents = new Set<string>();
  const relatedAgents = new Set<string>();
  const activities = new Set<string>();
  const relatedActivities = new Set<string>();

  addActor(agents, statement.actor);
  addObject(statement.object, agents, activities);
  for (const key of agents) relatedAgents.add(key);
  for (const key of activities) relatedActivities.add(key);

  if (statement.authority) addActor(relatedAgents, statement.authority);
  addContext(statement.context, relatedAgents, relatedActivities);
  if (statement.object.objectType === 'SubStatement') {
    const sub = statement.object;
    addActor(relatedAgents, sub.actor);
    addObject(sub.object, relatedAgents, relatedActivities);
    addContext(sub.context, relatedAgents, relatedActivities);
  }
  return {
    agents: [...agents],
    relatedAgents: [...relatedAgents],
    activities: [...activities],
    relatedActivities: [...relatedActivities],
  };
}

function addActor(into: Set<string>, actor: Actor): void {
  const key = agentKey(actor);
  if (key) into.add(key);
  if (actor.objectType === 'Group') {
    for (const member of actor.member ?? []) {
      const memberKey = agentKey(member);
      if (memberKey) into.add(memberKey);
    }
  }
}

function addObject(object: StatementObject, agents: Set<string>, activities: Set<string>): void {
  if (object.objectType === 'Agent' || object.objectType === 'Group') addActor(agents, object);
  else if (object.objectType === undefined || object.objectType === 'Activity') activities.add(object.id);
}

function addContext(context: Context | undefined, agents: Set<string>, activities: Set<string>): void {
  if (!context) return;
  if (context.instructor) addActor(agents, context.instructor);
  if (context.team) addActor(agents, context.team);
  const groups = context.contextActivities;
  if (!groups) return;
  for (const key of ['parent', 'grouping', 'category', 'other'] as const) {
    const value: Activity | Activity[] | undefined = groups[key];
    if (value === undefined) continue;
    for (const activity of Array.isArray(value) ? value : [value]) activities.add(activity.id);
  }
}
