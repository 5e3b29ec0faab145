/**
 * Agents and Groups (Data 2.4.2): exactly one inverse functional identifier per Agent and identified
 * Group, anonymous Groups with members, no Groups inside `member`, and the authority rule (2.4.9.s3.b1).
 */
import { childPath, indexPath } from './issues.ts';
import { isIri, isMbox, isSha1Hex } from './formats.ts';
import { checkKeys, checkString, expectObject, isPlainObject, wrongType, type Issues, type JsonObject } from './validate-common.ts';

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const AGENT_KEYS: ReadonlySet<string> = new Set(['objectType', 'name', ...IFI_KEYS]);
const GROUP_KEYS: ReadonlySet<string> = new Set(['objectType', 'name', 'member', ...IFI_KEYS]);
const ACCOUNT_KEYS: ReadonlySet<string> = new Set(['homePage', 'name']);

/** How many IFIs an object carries, validating each one it finds. */
function checkIdentifiers(issues: Issues, path: string, object: JsonObject): number {
  let count = 0;
  if (object.mbox !== undefined) {
    count++;
    const value = object.mbox;
    if (typeof value !== 'string') wrongType(issues, childPath(path, 'mbox'), 'a "mailto:" IRI string', value);
    else if (!isMbox(value)) {
      issues.push({
        path: childPath(path, 'mbox'),
        message: `must have the form "mailto:name@example.com", got ${JSON.stringify(value)}`,
      });
    }
  }
  if (object.mbox_sha1sum !== undefined) {
    count++;
    const value = object.mbox_sha1sum;
    if (typeof value !== 'string') wrongType(issues, childPath(path, 'mbox_sha1sum'), 'a hex SHA-1 string', value);
    else if (!isSha1Hex(value)) {
      issues.push({
        path: childPath(path, 'mbox_sha1sum'),
        message: 'must be the 40-digit hex SHA-1 of a mailto IRI',
      });
    }
  }
  if (object.openid !== undefined) {
    count++;
    const value = object.openid;
    if (typeof value !== 'string') wrongType(issues, childPath(path, 'openid'), 'a URI string', value);
    else if (!isIri(value)) {
      issues.push({ path: childPath(path, 'openid'), message: 'must be a URI with a scheme, such as "https://openid.example.com/u/1"' });
    }
  }
  if (object.account !== undefined) {
    count++;
    checkAccount(issues, childPath(path, 'account'), object.account);
  }
  return count;
}

function checkAccount(issues: Issues, path: string, value: unknown): void {
  if (!expectObject(issues, path, value, 'an account object with "homePage" and "name"')) return;
  checkKeys(issues, path, value, ACCOUNT_KEYS, 'an Account');
  if (value.homePage === undefined) {
    issues.push({ path: childPath(path, 'homePage'), message: 'is required (the IRL of the system the account is on)' });
  } else if (typeof value.homePage !== 'string') {
    wrongType(issues, childPath(path, 'homePage'), 'an IRL string', value.homePage);
  } else if (!isIri(value.homePage)) {
    issues.push({ path: childPath(path, 'homePage'), message: 'must be an IRL with a scheme, such as "https://lms.example.edu"' });
  }
  if (value.name === undefined) {
    issues.push({ path: childPath(path, 'name'), message: 'is required (the login name or id on that system)' });
  } else if (checkString(issues, childPath(path, 'name'), value.name) && value.name === '') {
    issues.push({ path: childPath(path, 'name'), message: 'must not be empty' });
  }
}

/** An Agent (Data 2.4.2.1). `requireObjectType` holds when the Agent is a statement's object (2.4.4.2). */
export function checkAgent(issues: Issues, path: string, value: unknown, requireObjectType = false): void {
  if (!expectObject(issues, path, value, 'an Agent object')) return;
  checkKeys(issues, path, value, AGENT_KEYS, 'an Agent');
  if (value.objectType === undefined) {
    if (requireObjectType) {
      issues.push({ path: childPath(path, 'objectType'), message: 'is required when an Agent is the object of a statement' });
    }
  } else if (value.objectType !== 'Agent') {
    issues.push({ path: childPath(path, 'objectType'), message: `must be "Agent" here, got ${JSON.stringify(value.objectType)}` });
  }
  if (value.name !== undefined) checkString(issues, childPath(path, 'name'), value.name);
  const count = checkIdentifiers(issues, path, value);
  if (count === 0) {
    issues.push({ path, message: 'an Agent must have exactly one of mbox, mbox_sha1sum, openid or account' });
  } else if (count > 1) {
    issues.push({ path, message: `an Agent must have exactly one identifier, found ${count}` });
  }
}

/** A Group (Data 2.4.2.2), identified (one IFI) or anonymous (members, no IFI). */
export function checkGroup(issues: Issues, path: string, value: unknown): void {
  if (!expectObject(issues, path, value, 'a Group object')) return;
  checkKeys(issues, path, value, GROUP_KEYS, 'a Group');
  if (value.objectType !== 'Group') {
    issues.push({ path: childPath(path, 'objectType'), message: 'must be "Group"' });
  }
  if (value.name !== undefined) checkString(issues, childPath(path, 'name'), value.name);
  const count = checkIdentifiers(issues, path, value);
  if (count > 1) {
    issues.push({ path, message: `an identified Group must have exactly one identifier, found ${count}` });
  }
  const memberPath = childPath(path, 'member');
  if (value.member === undefined) {
    if (count === 0) {
      issues.push({ path: memberPath, message: 'is required for an anonymous Group (a Group without an identifier)' });
    }
    return;
  }
  if (!Array.isArray(value.member)) {
    wrongType(issues, memberPath, 'an array of Agents', value.member);
    return;
  }
  if (count === 0 && value.member.length === 0) {
    issues.push({ path: memberPath, message: 'an anonymous Group must list at least one member' });
  }
  value.member.forEach((member, i) => {
    if (isPlainObject(member) && member.objectType === 'Group') {
      issues.push({ path: indexPath(memberPath, i), message: 'a Group must not contain Groups; members are Agents' });
      return;
    }
    checkAgent(issues, indexPath(memberPath, i), member);
  });
}

/** An Agent or a Group, chosen by objectType: actor, instructor (Data 2.4.2, 2.4.6). */
export function checkActor(issues: Issues, path: string, value: unknown): void {
  if (isPlainObject(value) && value.objectType === 'Group') checkGroup(issues, path, value);
  else checkAgent(issues, path, value);
}

/**
 * The authority: an Agent, or (3-legged OAuth) an anonymous Group of exactly two Agents
 * (Data 2.4.9.s3.b1; the conformance suite refuses identified Groups and other sizes).
 */
export function checkAuthority(issues: Issues, path: string, value: unknown): void {
  if (!(isPlainObject(value) && value.objectType === 'Group')) {
    checkAgent(issues, path, value);
    return;
  }
  const before = issues.length;
  checkGroup(issues, path, value);
  if (issues.length !== before) return;
  const identified = IFI_KEYS.some((key) => value[key] !== undefined);
  const members = Array.isArray(value.member) ? value.member.length : 0;
  if (identified || members !== 2) {
    issues.push({
      path,
      message: 'an authority Group must be an anonymous Group of exactly two Agents (OAuth application and user)',
    });
  }
}
