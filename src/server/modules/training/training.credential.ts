import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import type { KeyObject } from 'node:crypto';

/**
 * Certificates as Open Badges 3.0 credentials (a W3C Verifiable Credential, data model 2.0), secured with
 * JOSE as a VC-JWT ("Securing Verifiable Credentials using JOSE and COSE": the JWS payload is the
 * credential itself, header `typ: vc+jwt`, `cty: vc`), signed EdDSA with the node's Ed25519 key. Open
 * Badges 3.0 accepts this proof format next to Data Integrity proofs; JOSE needs no JSON-LD context
 * fetching, so verification works offline.
 */

export const OB3_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;

export interface CertificateFacts {
  credentialId: string;
  /** Base URL of the issuing node, e.g. https://edubridge.example.org */
  publicUrl: string;
  issuerName: string;
  holderId: string;
  holderName: string;
  programmeId: string;
  programmeTitle: string;
  programmeSummary: string;
  criteria: string;
  creditHours: number;
  competencies: { code: string; name: string }[];
  issuedAt: Date;
}

/** What any Open Badges 3.0 achievement needs: a training programme, a contest award… */
export interface AchievementFacts {
  credentialId: string;
  publicUrl: string;
  issuerName: string;
  holderId: string;
  holderName: string;
  /** Path of the achievement on this node, e.g. `/api/v1/contests/contests/<id>#first`. */
  achievementPath: string;
  /** Open Badges achievementType: `Certificate`, `Award`… */
  achievementType: string;
  name: string;
  description: string;
  criteria: string;
  creditHours?: number;
  alignment?: { name: string; code: string; framework: string; path: string }[];
  issuedAt: Date;
}

/**
 * The unsigned Open Badges 3.0 credential for one achievement; training certificates and contest awards
 * share it, so one verifier and one verification page serve both.
 */
export function buildAchievementCredential(f: AchievementFacts) {
  const base = f.publicUrl.replace(/\/$/, '');
  const credits = f.creditHours === undefined ? {} : { creditsEarned: f.creditHours };
  return {
    '@context': [...OB3_CONTEXT],
    id: `urn:uuid:${f.credentialId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: `${base}/api/v1/credentials/issuer`, type: ['Profile'], name: f.issuerName, url: base },
    validFrom: f.issuedAt.toISOString(),
    name: f.name,
    credentialSubject: {
      id: `urn:uuid:${f.holderId}`,
      type: ['AchievementSubject'],
      name: f.holderName,
      ...credits,
      achievement: {
        id: `${base}${f.achievementPath}`,
        type: ['Achievement'],
        achievementType: f.achievementType,
        name: f.name,
        description: f.description || f.name,
        criteria: { narrative: f.criteria },
        ...(f.creditHours === undefined ? {} : { creditsAvailable: f.creditHours }),
        ...(f.alignment
          ? {
              alignment: f.alignment.map((a) => ({
                type: ['Alignment'],
                targetName: a.name,
                targetCode: a.code,
                targetFramework: a.framework,
                targetUrl: `${base}${a.path}`,
              })),
            }
          : {}),
      },
    },
    credentialStatus: { id: `${base}/api/v1/credentials/${f.credentialId}/verify`, type: 'EduBridgeCredentialStatus' },
  };
}

export type OpenBadgeCredential = ReturnType<typeof buildAchievementCredential> & {
  credentialSubject: {
    creditsEarned?: number;
    achievement: {
      creditsAvailable?: number;
      alignment?: { type: string[]; targetName: string; targetCode: string; targetFramework: string; targetUrl: string }[];
    };
  };
};

/** A programme's alignment to one competency of the UNESCO framework. */
export function programmeAlignment(code: string, name: string) {
  return { name, code, framework: 'UNESCO AI competency framework for teachers', path: `/training/competencies#${code}` };
}

/**
 * The unsigned Open Badges 3.0 credential for one completed programme.
 *
 * @example buildOpenBadgeCredential({ credentialId, publicUrl, issuerName: 'Guangzhou Education Bureau', … })
 */
export function buildOpenBadgeCredential(f: CertificateFacts): OpenBadgeCredential {
  return buildAchievementCredential({
    credentialId: f.credentialId,
    publicUrl: f.publicUrl,
    issuerName: f.issuerName,
    holderId: f.holderId,
    holderName: f.holderName,
    achievementPath: `/api/v1/training/programmes/${f.programmeId}`,
    achievementType: 'Certificate',
    name: f.programmeTitle,
    description: f.programmeSummary,
    criteria: f.criteria,
    creditHours: f.creditHours,
    alignment: f.competencies.map((c) => programmeAlignment(c.code, c.name)),
    issuedAt: f.issuedAt,
  }) as OpenBadgeCredential;
}

/** Signs a credential as a compact JWS (VC-JWT). */
export async function signCredential(credential: object, key: { privateKey: KeyObject; keyId: string }): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: key.keyId })
    .sign(key.privateKey);
}

export type SignatureCheck =
  { valid: true; credential: OpenBadgeCredential; kid: string | undefined } | { valid: false; reason: 'malformed' | 'signature' };

/**
 * Checks a VC-JWT against the node's public key. Any changed byte — header, payload or signature — fails.
 *
 * @example const check = await verifyCredentialSignature(jwt, nodeKey.publicKey); if (check.valid) …
 */
export async function verifyCredentialSignature(jwt: string, publicKey: KeyObject): Promise<SignatureCheck> {
  let header;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (header.alg !== 'EdDSA' || header.typ !== 'vc+jwt') return { valid: false, reason: 'malformed' };
  try {
    const { payload } = await compactVerify(jwt, publicKey, { algorithms: ['EdDSA'] });
    const credential = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) as OpenBadgeCredential;
    return { valid: true, credential, kid: header.kid };
  } catch {
    return { valid: false, reason: 'signature' };
  }
}
