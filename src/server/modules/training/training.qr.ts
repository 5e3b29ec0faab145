import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Rotating attendance QR codes. The code shown on the organiser's screen carries
 * HMAC-SHA-256(key, sessionId ‖ window) where window = ⌊unix seconds / 30⌋; a check-in is accepted only with
 * the token of the current or the previous window (a scan just before a rotation still counts). A teacher
 * at home cannot mark themselves present: they never see a fresh token, and an old one has expired.
 * The key is derived by HKDF-SHA-256 (RFC 5869) from the node secret, so no extra secret needs managing.
 */
export const QR_WINDOW_SECONDS = 30;

/** @example const key = deriveQrKey(config.sessionSecret) */
export function deriveQrKey(nodeSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', nodeSecret, 'edubridge/training', 'attendance-qr/v1', 32));
}

export function qrWindow(nowMs: number): number {
  return Math.floor(nowMs / 1000 / QR_WINDOW_SECONDS);
}

/**
 * The token for one session and window: 16 bytes of the HMAC, base64url (22 characters, fits a small QR).
 *
 * @example qrToken(key, sessionId, qrWindow(Date.now()))
 */
export function qrToken(key: Buffer, sessionId: string, window: number): string {
  return createHmac('sha256', key).update(`${sessionId}:${window}`).digest().subarray(0, 16).toString('base64url');
}

/** True when `token` belongs to `sessionId` in the window of `nowMs` or the one before. Constant-time compare. */
export function verifyQrToken(key: Buffer, sessionId: string, token: string, nowMs: number): boolean {
  const sent = Buffer.from(token);
  const w = qrWindow(nowMs);
  return [w, w - 1].some((window) => {
    const expected = Buffer.from(qrToken(key, sessionId, window));
    return expected.length === sent.length && timingSafeEqual(expected, sent);
  });
}

/** Seconds until the current token stops being the newest (the screen refreshes then). */
export function secondsToRotation(nowMs: number): number {
  return QR_WINDOW_SECONDS - (Math.floor(nowMs / 1000) % QR_WINDOW_SECONDS);
}
