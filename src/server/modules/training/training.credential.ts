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

export type OpenBadgeCredential = ReturnType<typeof buildOpenBadgeCredential>;

/**
 * The unsigned Open Badges 3.0 credential for one completed programme.
 *
 * @example buildOpenBadgeCredential({ credentialId, publicUrl, issuerName: 'Guangzhou Education Bureau', … })
 */
export function buildOpenBadgeCredential(f: CertificateFacts) {
  const base = f.publicUrl.replace(/\/$/, '');
  return {
    '@context': [...OB3_CONTEXT],
    id: `urn:uuid:${f.credentialId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: `${base}/api/v1/credentials/issuer`, type: ['Profile'], name: f.issuerName, url: base },
    validFrom: f.issuedAt.toISOString(),
    name: f.programmeTitle,
    credentialSubject: {
      id: `urn:uuid:${f.holderId}`,
      type: ['AchievementSubject'],
      name: f.holderName,
      creditsEarned: f.creditHours,
      achievement: {
        id: `${base}/api/v1/training/programmes/${f.programmeId}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: f.programmeTitle,
        description: f.programmeSummary || f.programmeTitle,
        criteria: { narrative: f.criteria },
        creditsAvailable: f.creditHours,
        alignment: f.competencies.map((c) => ({
          type: ['Alignment'],
          targetName: c.name,
          targetCode: c.code,
          targetFramework: 'UNESCO AI competency framework for teachers',
          targetUrl: `${base}/training/competencies#${c.code}`,
        })),
      },
    },
    credentialStatus: { id: `${base}/api/v1/credentials/${f.credentialId}/verify`, type: 'EduBridgeCredentialStatus' },
  };
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
