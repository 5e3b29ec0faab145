import { createHash, generateKeyPairSync } from 'node:crypto';
import { CompactSign } from 'jose';
import { describe, expect, it } from 'vitest';
import examples from './testdata/spec-examples.json' with { type: 'json' };
import { verifySignedStatements, verifyStatementSignature } from './signature.ts';
import type { Statement } from './statement.types.ts';
import { baseStatement } from './testdata/statements.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

async function sign(payload: unknown, alg = 'RS256', key = privateKey): Promise<string> {
  const bytes = new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload));
  return new CompactSign(bytes).setProtectedHeader({ alg }).sign(key);
}

/** The statement as sent: what was signed, plus the signature attachment. */
function signedStatement(unsigned: Statement, jws: string): Statement {
  return {
    ...unsigned,
    attachments: [
      {
        usageType: 'http://adlnet.gov/expapi/attachments/signature',
        display: { 'en-US': 'Signature' },
        contentType: 'application/octet-stream',
        length: jws.length,
        sha2: createHash('sha256').update(jws).digest('hex'),
      },
    ],
  };
}

describe('signed statements (JWS)', () => {
  it.each(['RS256', 'RS384', 'RS512'])('accepts a valid %s signature', async (alg) => {
    const unsigned: Statement = baseStatement();
    const jws = await sign(unsigned, alg);
    expect(await verifyStatementSignature(signedStatement(unsigned, jws), jws)).toEqual({
      ok: true,
      value: { algorithm: alg, verified: false },
    });
  });

  it('verifies cryptographically when the signer key is known', async () => {
    const unsigned: Statement = baseStatement();
    const jws = await sign(unsigned);
    expect(await verifyStatementSignature(signedStatement(unsigned, jws), jws, { key: publicKey })).toEqual({
      ok: true,
      value: { algorithm: 'RS256', verified: true },
    });
    const wrongKey = await verifyStatementSignature(signedStatement(unsigned, jws), jws, { key: other.publicKey });
    expect(wrongKey.ok).toBe(false);
  });

  it('accepts a payload without the id the statement was later given', async () => {
    const unsigned: Statement = baseStatement();
    const { id: _id, ...withoutId } = unsigned;
    const jws = await sign(withoutId);
    expect((await verifyStatementSignature(signedStatement(unsigned, jws), jws)).ok).toBe(true);
  });

  it('verifies the spec example (Data Appendix D) against its x5c certificate', async () => {
    const result = await verifyStatementSignature(examples.signed.statement as Statement, examples.signed.jws);
    expect(result).toEqual({ ok: true, value: { algorithm: 'RS256', verified: true } });
  });

  it('refuses a statement changed after signing', async () => {
    const unsigned: Statement = baseStatement();
    const jws = await sign(unsigned);
    const tampered = signedStatement({ ...unsigned, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } }, jws);
    const result = await verifyStatementSignature(tampered, jws);
    expect(result.ok ? '' : result.issues[0].message).toContain('differs from the statement');
  });

  it('refuses a tampered signature when the certificate or key is known', async () => {
    const unsigned: Statement = baseStatement();
    const jws = await sign(unsigned);
    const [h, p, sig] = jws.split('.');
    const flipped = `${h}.${p}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`;
    expect((await verifyStatementSignature(signedStatement(unsigned, flipped), flipped, { key: publicKey })).ok).toBe(false);
    const spec = examples.signed.jws.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await verifyStatementSignature(examples.signed.statement as Statement, spec)).ok).toBe(false);
  });

  it.each<[string, () => Promise<string>]>([
    [
      'an HS256 signature',
      async () =>
        new CompactSign(new TextEncoder().encode(JSON.stringify(baseStatement())))
          .setProtectedHeader({ alg: 'HS256' })
          .sign(new Uint8Array(32).fill(7)),
    ],
    ['a payload that is not JSON', async () => sign(JSON.stringify(baseStatement()).replace('"', "'"))],
    ['a payload that is not a statement', async () => sign({ hello: 'world' })],
    ['text that is not a JWS', async () => 'not a jws'],
  ])('refuses %s', async (_what, make) => {
    const jws = await make();
    const result = await verifyStatementSignature(signedStatement(baseStatement(), jws), jws);
    expect(result.ok).toBe(false);
  });

  it('checks every signed statement of a batch against its part', async () => {
    const unsigned: Statement = baseStatement();
    const jws = await sign(unsigned);
    const signed = signedStatement(unsigned, jws);
    const parts = new Map([[signed.attachments![0].sha2, { sha2: signed.attachments![0].sha2, body: Buffer.from(jws) }]]);
    expect(await verifySignedStatements([baseStatement(), signed], parts)).toEqual({ ok: true, value: undefined });
    const missing = await verifySignedStatements([signed], new Map());
    expect(missing.ok ? [] : missing.issues.map((i) => i.path)).toEqual(['[0].attachments[0]']);
  });
});
