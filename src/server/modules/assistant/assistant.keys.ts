import { openAgreementSecret, sealAgreementSecret } from '../privacy/privacy.keys.ts';

/**
 * Provider API keys at rest: sealed with the privacy module's node key (AES-256-GCM under an HKDF of the
 * session secret), bound to the jurisdiction, so a sealed key copied to another row does not open. No
 * cryptography of our own here; nothing in this file logs a key.
 */
const bindingOf = (jurisdictionId: string) => `assistant-provider:${jurisdictionId}`;

export function sealApiKey(jurisdictionId: string, apiKey: string): string {
  return sealAgreementSecret(bindingOf(jurisdictionId), Buffer.from(apiKey, 'utf8'));
}

export function openApiKey(jurisdictionId: string, sealed: string): string {
  return openAgreementSecret(bindingOf(jurisdictionId), sealed).toString('utf8');
}

/** What the API shows of a key: whether one is set and its last four characters. */
export function lastFour(apiKey: string): string {
  return apiKey.slice(-4);
}
