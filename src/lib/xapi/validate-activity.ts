/**
 * Activities and their definitions (Data 2.4.4.1), interaction activities included: a valid
 * interactionType, component lists only where that type supports them, distinct component ids.
 */
import { childPath, indexPath } from './issues.ts';
import {
  checkExtensions,
  checkIri,
  checkKeys,
  checkLanguageMap,
  checkString,
  expectObject,
  wrongType,
  type Issues,
  type JsonObject,
} from './validate-common.ts';
import type { InteractionType } from './statement.types.ts';

const ACTIVITY_KEYS: ReadonlySet<string> = new Set(['objectType', 'id', 'definition']);
const DEFINITION_KEYS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'type',
  'moreInfo',
  'interactionType',
  'correctResponsesPattern',
  'choices',
  'scale',
  'source',
  'target',
  'steps',
  'extensions',
]);
const COMPONENT_KEYS: ReadonlySet<string> = new Set(['id', 'description']);

const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;

/** Which component lists each interactionType supports (Data 2.4.4.1.s15, table 2). */
const LISTS_BY_TYPE: Record<InteractionType, readonly string[]> = {
  'true-false': [],
  choice: ['choices'],
  'fill-in': [],
  'long-fill-in': [],
  matching: ['source', 'target'],
  performance: ['steps'],
  sequencing: ['choices'],
  likert: ['scale'],
  numeric: [],
  other: [],
};

/** An Activity used as a statement object or a context activity. */
export function checkActivity(issues: Issues, path: string, value: unknown): void {
  if (!expectObject(issues, path, value, 'an Activity object')) return;
  checkKeys(issues, path, value, ACTIVITY_KEYS, 'an Activity');
  if (value.objectType !== undefined && value.objectType !== 'Activity') {
    issues.push({ path: childPath(path, 'objectType'), message: `must be "Activity", got ${JSON.stringify(value.objectType)}` });
  }
  if (value.id === undefined) {
    issues.push({ path: childPath(path, 'id'), message: 'is required (the IRI of the Activity)' });
  } else {
    checkIri(issues, childPath(path, 'id'), value.id);
  }
  if (value.definition !== undefined) checkDefinition(issues, childPath(path, 'definition'), value.definition);
}

function checkDefinition(issues: Issues, path: string, value: unknown): void {
  if (!expectObject(issues, path, value, 'an Activity Definition object')) return;
  checkKeys(issues, path, value, DEFINITION_KEYS, 'an Activity Definition');
  if (value.name !== undefined) checkLanguageMap(issues, childPath(path, 'name'), value.name);
  if (value.description !== undefined) checkLanguageMap(issues, childPath(path, 'description'), value.description);
  if (value.type !== undefined) checkIri(issues, childPath(path, 'type'), value.type);
  if (value.moreInfo !== undefined) checkIri(issues, childPath(path, 'moreInfo'), value.moreInfo, 'an IRL');
  if (value.extensions !== undefined) checkExtensions(issues, childPath(path, 'extensions'), value.extensions);
  checkInteraction(issues, path, value);
}

function checkInteraction(issues: Issues, path: string, definition: JsonObject): void {
  const typePath = childPath(path, 'interactionType');
  const interactionType = definition.interactionType;
  let supported: readonly string[] | undefined;
  if (interactionType !== undefined) {
    if (typeof interactionType === 'string' && Object.hasOwn(LISTS_BY_TYPE, interactionType)) {
      supported = LISTS_BY_TYPE[interactionType as InteractionType];
    } else if (typeof interactionType === 'string') {
      issues.push({
        path: typePath,
        message: `must be one of ${Object.keys(LISTS_BY_TYPE).join(', ')} (exact case), got ${JSON.stringify(interactionType)}`,
      });
    } else {
      wrongType(issues, typePath, 'an interactionType string', interactionType);
    }
  }

  if (definition.correctResponsesPattern !== undefined) {
    const patternPath = childPath(path, 'correctResponsesPattern');
    if (interactionType === undefined) {
      issues.push({ path: patternPath, message: 'requires "interactionType" in the same definition' });
    }
    const pattern = definition.correctResponsesPattern;
    if (!Array.isArray(pattern)) wrongType(issues, patternPath, 'an array of strings', pattern);
    else pattern.forEach((entry, i) => checkString(issues, indexPath(patternPath, i), entry));
  }

  for (const list of COMPONENT_LISTS) {
    const components = definition[list];
    if (components === undefined) continue;
    const listPath = childPath(path, list);
    if (interactionType === undefined) {
      issues.push({ path: listPath, message: 'requires "interactionType" in the same definition' });
    } else if (supported !== undefined && !supported.includes(list)) {
      issues.push({
        path: listPath,
        message:
          `is not used by interactionType ${JSON.stringify(interactionType)}` +
          (supported.length ? ` (it uses ${supported.join(' and ')})` : ' (it has no component lists)'),
      });
    }
    checkComponents(issues, listPath, components);
  }
}

function checkComponents(issues: Issues, path: string, value: unknown): void {
  if (!Array.isArray(value)) {
    wrongType(issues, path, 'an array of interaction components', value);
    return;
  }
  const seen = new Set<string>();
  value.forEach((component, i) => {
    const componentPath = indexPath(path, i);
    if (!expectObject(issues, componentPath, component, 'an interaction component object')) return;
    checkKeys(issues, componentPath, component, COMPONENT_KEYS, 'an interaction component');
    const idPath = childPath(componentPath, 'id');
    if (component.id === undefined) {
      issues.push({ path: idPath, message: 'is required' });
    } else if (checkString(issues, idPath, component.id)) {
      if (component.id === '') issues.push({ path: idPath, message: 'must not be empty' });
      else if (seen.has(component.id)) {
        issues.push({ path: idPath, message: `duplicates another component id in this list: ${JSON.stringify(component.id)}` });
      }
      seen.add(component.id);
    }
    if (component.description !== undefined) {
      checkLanguageMap(issues, childPath(componentPath, 'description'), component.description);
    }
  });
}
