import { describe, expect, it } from 'vitest';
import { deriveQrKey, qrToken, qrWindow, QR_WINDOW_SECONDS, secondsToRotation, verifyQrToken } from './training.qr.ts';

const key = deriveQrKey('an-invented-node-secret-of-forty-characters');
const session = '01936f2e-0000-7000-8000-000000000001';
const t0 = Date.UTC(2026, 10, 23, 2, 0, 0);

describe('rotating attendance QR tokens', () => {
  it('a token is accepted in its own window and the next one, and refused after', () => {
    const token = qrToken(key, session, qrWindow(t0));
    expect(verifyQrToken(key, session, token, t0)).toBe(true);
    expect(verifyQrToken(key, session, token, t0 + QR_WINDOW_SECONDS * 1000)).toBe(true);
    expect(verifyQrToken(key, session, token, t0 + 2 * QR_WINDOW_SECONDS * 1000)).toBe(false);
  });

  it('a token made for a future window is refused (it cannot be precomputed without the key anyway)', () => {
    expect(verifyQrToken(key, session, qrToken(key, session, qrWindow(t0) + 1), t0)).toBe(false);
  });

  it('a token of another session, or made with another key, is refused', () => {
    expect(verifyQrToken(key, session, qrToken(key, session.replace(/1$/, '2'), qrWindow(t0)), t0)).toBe(false);
    expect(verifyQrToken(key, session, qrToken(deriveQrKey('another-invented-secret-forty-characters!'), session, qrWindow(t0)), t0)).toBe(
      false,
    );
  });

  it('tokens are short enough for a small QR code and tell the screen when to refresh', () => {
    expect(qrToken(key, session, 1)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(secondsToRotation(t0)).toBe(30);
    expect(secondsToRotation(t0 + 12_000)).toBe(18);
  });
});
