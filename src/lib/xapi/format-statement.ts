/**
 * The GET /statements `format` parameter (Communication 2.1.3): `exact` returns statements as stored,
 * `ids` keeps only what identifies Agents, Groups, Activities and Verbs, `canonical` returns Activities
 * and Verbs with one language per language map (chosen by Accept-Language), optionally from the LRS's
 * canonical definitions.
 */
import { reduceLanguageMap, type LanguageRange } from './accept-language.ts';
import type {
  Activity,
  ActivityDefinition,
  Actor,
  Agent,
  Context,
  ContextActivities,
  Group,
  InteractionComponent,
  LanguageMap,
  Statement,
  StatementObject,
  Verb,
} from './statement.types.ts';

export type StatementFormat = 'exact' | 'ids' | 'canonical';

export interface CanonicalOptions {
  /** Parsed Accept-Language of the request (`parseAcceptLanguage`); empty keeps each map's first entry. */
  languages: readonly LanguageRange[];
  /** The LRS's canonical definition of an Activity, when it keeps one (2.1.3.s4.b2–b3). */
  activityDefinition?: (activityId: string) => ActivityDefinition | undefined;
  /** The LRS's canonical display of a Verb, when it keeps one. */
  verbDisplay?: (verbId: string) => LanguageMap | undefined;
}

/**
 * Applies a `format` to a stored statement; returns a new object (or the same one for `exact`).
 * @example formatStatement(stored, 'ids') // actor { mbox }, verb { id }, object { objectType?, id }
 * @example formatStatement(stored, 'canonical', { languages: parseAcceptLanguage('zh-Hant') })
 */
export function formatStatement<T extends Statement>(statement: T, format: StatementFormat, options?: CanonicalOptions): T {
  if (format === 'exact') return statement;
  const mapper = format === 'ids' ? idsMapper : canonicalMapper(options ?? { languages: [] });
  return mapStatement(statement, mapper);
}

interface Mapper {
  actor(actor: Actor): Actor;
  verb(verb: Verb): Verb;
  activity(activity: Activity): Activity;
}

function mapStatement<T extends Statement>(statement: T, m: Mapper): T {
  const out: T = { ...statement, actor: m.actor(statement.actor), verb: m.verb(statement.verb), object: mapObject(statement.object, m) };
  if (statement.context) out.context = mapContext(statement.context, m);
  if (statement.authority) out.authority = m.actor(statement.authority);
  return out;
}

function mapObject(object: StatementObject, m: Mapper): StatementObject {
  switch (object.objectType) {
    case 'Agent':
    case 'Group':
      // The mapper keeps objectType, which an Agent object always has.
      return m.actor(object) as StatementObject;
    case 'StatementRef':
      return object;
    case 'SubStatement': {
      const sub = { ...object, actor: m.actor(object.actor), verb: m.verb(object.verb), object: mapObject(object.object, m) };
      if (object.context) sub.context = mapContext(object.context, m);
      return sub as StatementObject;
    }
    default:
      return m.activity(object);
  }
}

function mapContext(context: Context, m: Mapper): Context {
  const out: Context = { ...context };
  if (context.instructor) out.instructor = m.actor(context.instructor);
  if (context.team) out.team = m.actor(context.team) as Group;
  if (context.contextActivities) {
    const activities: ContextActivities = {};
    for (const key of ['parent', 'grouping', 'category', 'other'] as const) {
      const value = context.contextActivities[key];
      if (value === undefined) continue;
      activities[key] = Array.isArray(value) ? value.map((a) => m.activity(a)) : m.activity(value);
    }
    out.contextActivities = activities;
  }
  return out;
}

/** The one IFI of an Agent or identified Group, as an object. */
function identifierOf(actor: Agent | Group): Agent {
  if (actor.mbox !== undefined) return { mbox: actor.mbox };
  if (actor.mbox_sha1sum !== undefined) return { mbox_sha1sum: actor.mbox_sha1sum };
  if (actor.openid !== undefined) return { openid: actor.openid };
  if (actor.account !== undefined) return { account: { homePage: actor.account.homePage, name: actor.account.name } };
  return {};
}

const idsMapper: Mapper = {
  actor(actor) {
    if (actor.objectType === 'Group') {
      const id = identifierOf(actor);
      // An anonymous Group is identified by its members (Communication 2.1.3, format=ids).
      if (Object.keys(id).length > 0) return { objectType: 'Group', ...id } as Group;
      return { objectType: 'Group', member: (actor.member ?? []).map((a) => idsMapper.actor(a) as Agent) };
    }
    const id = identifierOf(actor);
    return actor.objectType === 'Agent' ? { objectType: 'Agent', ...id } : id;
  },
  verb: (verb) => ({ id: verb.id }),
  activity: (activity) => (activity.objectType ? { objectType: 'Activity', id: activity.id } : { id: activity.id }),
};

function canonicalMapper(options: CanonicalOptions): Mapper {
  const reduce = (map: LanguageMap | undefined) => (map === undefined ? undefined : reduceLanguageMap(map, options.languages));
  const components = (list: InteractionComponent[] | undefined) =>
    list?.map((c) => (c.description ? { ...c, description: reduce(c.description) } : c));
  return {
    actor: (actor) => actor,
    verb(verb) {
      const display = options.verbDisplay?.(verb.id) ?? verb.display;
      return display === undefined ? { id: verb.id } : { id: verb.id, display: reduce(display) };
    },
    activity(activity) {
      const definition = options.activityDefinition?.(activity.id) ?? activity.definition;
      if (!definition) return activity;
      const out: ActivityDefinition = { ...definition };
      if (definition.name) out.name = reduce(definition.name);
      if (definition.description) out.description = reduce(definition.description);
      for (const list of ['choices', 'scale', 'source', 'target', 'steps'] as const) {
        if (definition[list]) out[list] = components(definition[list]);
      }
      return { ...activity, definition: out };
    },
  };
}
