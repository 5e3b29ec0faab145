import type { LoggerOptions } from 'pino';

/**
 * pino options: secrets and personal fields never reach the log. Redaction works on paths, so every place a
 * password, token, cookie or person's name can appear in a logged object is listed.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.initialPassword',
        '*.temporaryPassword',
        '*.secret',
        '*.token',
        '*.displayName',
        '*.studentNumber',
        'password',
        'secret',
        'token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        method: req.method,
        // Query strings can carry search terms with names in them.
        url: req.url.split('?')[0],
        id: req.id,
      }),
    },
  };
}
