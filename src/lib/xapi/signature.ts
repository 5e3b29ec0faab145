/**
 * Signed statements (Data 2.6): a JWS (compact serialization) attached with usageType
 * `http://adlnet.gov/expapi/attachments/signature`, RS256/RS384/RS512, whose payload is the statement
 * as it was before the signature was added. The LRS refuses malformed signatures with 400
 * (2.6.s5.b1) and, when the JWS header carries an X.509 certificate, checks the signature with it
 * (2.6.s5.b3.b3). JWS decoding and verification are `jose`'s.
 */
import { base64url, compactVerify, decodeProtectedHeader, importJWK, type CryptoKey, type JWK } from 'jose';
import { createPublicKey, verify as verifyRsa, type KeyObject } from 'node:crypto';
import type { AttachmentPart } from './attachment-parts.ts';
import { statementsEquivalent } from './compare-statements.ts';
import type { XapiIssue, XapiResult } from './issues.ts';
import { SIGNATURE_USAGE_TYPE, type Attachment, type Statement } from './statement.types.ts';
import { validateStatement } from './validate-statement.ts';

export const SIGNATURE_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

export interface SignatureCheck {
  algorithm: SignatureAlgorithm;
  /** True when the signature was verified cryptographically (x5c certificate or a given key). */
  verified: boolean;
}

export interface SignatureOptions {
  /** The signer's public key, when the LRS knows it; then the signature must verify with it. */
  key?: CryptoKey | KeyObject | JWK;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Checks the JWS of a signed statement against the statement it was attached to.
 *
 * @example
 * const check = await verifyStatementSignature(statement, part.body);
 * if (!check.ok) return reply.code(400).send({ errors: check.issues });
 */
export async function verifyStatementSignature(
  statement: Statement,
  jws: Buffer | string,
  options: SignatureOptions = {},
  path = 'signature',
): Promise<XapiResult<SignatureCheck>> {
  const fail = (message: string): XapiResult<SignatureCheck> => ({ ok: false, issues: [{ path, message }] });
  const token = (typeof jws === 'string' ? jws : jws.toString('utf8')).trim();
  if (!COMPACT_JWS.test(token)) return fail('is not a JWS in compact serialization (header.payload.signature)');

  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return fail('has a JWS header that is not valid base64url JSON');
  }
  const algorithm = header.alg;
  if (!SIGNATURE_ALGORITHMS.includes(algorithm as SignatureAlgorithm)) {
    return fail(`must use RS256, RS384 or RS512 (Data 2.6.s4.b4), got ${JSON.stringify(algorithm)}`);
  }

  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(token.split('.')[1])));
  } catch {
    return fail('has a payload that is not a JSON serialization of a statement (Data 2.6.s4.b3)');
  }
  const signed = validateStatement(payload);
  if (!signed.ok) return fail(`has a payload that is not a valid statement: ${signed.issues[0].path} ${signed.issues[0].message}`);
  if (!statementsEquivalent(signed.value, statement)) {
    return fail('has a payload that differs from the statement it is attached to (Data 2.6.s5.b3.b2)');
  }

  let key: CryptoKey | KeyObject | undefined;
  try {
    if (options.key) key = isJwk(options.key) ? ((await importJWK(options.key, algorithm)) as CryptoKey) : options.key;
    else if (Array.isArray(header.x5c) && header.x5c.length > 0) key = createPublicKey(toPem(header.x5c[0]));
  } catch {
    return fail('has an x5c certificate (or key) that cannot be used for RSA verification');
  }
  if (key && !(await signatureVerifies(token, key, algorithm as SignatureAlgorithm))) {
    return fail('does not verify with its certificate or the signer key');
  }
  return { ok: true, value: { algorithm: algorithm as SignatureAlgorithm, verified: key !== undefined } };
}

/**
 * jose verifies RSA keys of 2048 bits and more; the spec's own example (Data Appendix D) signs with
 * a 1024-bit key, and the LRS's check catches mistakes rather than authenticating (2.6.s5 note), so
 * smaller keys are checked with node:crypto (RSASSA-PKCS1-v1_5, as RS256/384/512 define).
 */
async function signatureVerifies(token: string, key: CryptoKey | KeyObject, algorithm: SignatureAlgorithm): Promise<boolean> {
  const keyObject = 'asymmetricKeyType' in key ? key : undefined;
  const bits = keyObject?.asymmetricKeyDetails?.modulusLength;
  if (keyObject && keyObject.asymmetricKeyType === 'rsa' && bits !== undefined && bits < 2048) {
    const [head, payload, signature] = token.split('.');
    const digest = `sha${algorithm.slice(2)}`;
    return verifyRsa(digest, Buffer.from(`${head}.${payload}`), keyObject, Buffer.from(signature, 'base64url'));
  }
  try {
    await compactVerify(token, key, { algorithms: [algorithm] });
    return true;
  } catch {
    return false;
  }
}

function isJwk(key: unknown): key is JWK {
  return typeof key === 'object' && key !== null && 'kty' in key;
}

function toPem(derBase64: string): string {
  const lines = derBase64.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----`;
}

/** The signature Attachment object of a statement, if it is signed. */
export function signatureAttachment(statement: Statement): Attachment | undefined {
  return statement.attachments?.find((a) => a.usageType === SIGNATURE_USAGE_TYPE);
}

/**
 * Verifies every signed statement of a request, with the parts from `matchAttachmentParts`.
 * A signature without its part (fileUrl only) cannot be checked and is refused.
 *
 * @example
 * const signatures = await verifySignedStatements(statements, matched.value);
 */
export async function verifySignedStatements(
  statements: readonly Statement[],
  parts: ReadonlyMap<string, AttachmentPart>,
  options: SignatureOptions = {},
): Promise<XapiResult<void>> {
  const issues: XapiIssue[] = [];
  for (const [i, statement] of statements.entries()) {
    const attachment = signatureAttachment(statement);
    if (!attachment) continue;
    const index = statement.attachments!.indexOf(attachment);
    const path = `[${i}].attachments[${index}]`;
    const part = parts.get(attachment.sha2.toLowerCase());
    if (!part) {
      issues.push({ path, message: 'a signature must be sent as a multipart part so the LRS can check it' });
      continue;
    }
    const check = await verifyStatementSignature(statement, part.body, options, path);
    if (!check.ok) issues.push(...check.issues);
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: undefined };
}
