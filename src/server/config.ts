import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env (STYLE.md habit 10). Everything else receives a typed `Config`.
 * Fails fast with one message listing every bad variable, so an operator fixes them in one go.
 */
const ZBoolean = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  EDUBRIDGE_DATA_DIR: z.string().min(1).default('./data'),
  EDUBRIDGE_DEMO: ZBoolean.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url().optional(),
  EDUBRIDGE_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  EDUBRIDGE_TRUST_PROXY: ZBoolean.default(false),
  EDUBRIDGE_MAX_UPLOAD_MB: z.coerce.number().positive().max(2048).default(50),
  // Notification e-mail (optional): smtp://user:pass@host:587 or smtps://…; unset → in-app only.
  EDUBRIDGE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  EDUBRIDGE_SMTP_FROM: z.string().min(3).optional(),
  // Federation (docs/federation.md): which jurisdictions this node serves, its level, how often it pulls peers.
  EDUBRIDGE_NODE_NAME: z.string().min(1).max(100).optional(),
  EDUBRIDGE_NODE_JURISDICTIONS: z
    .string()
    .regex(/^[A-Z]{2,8}(,[A-Z]{2,8})*$/, 'must be jurisdiction codes separated by commas, e.g. GD or HK,MO')
    .default('GD,HK,MO,HB'),
  EDUBRIDGE_NODE_LEVEL: z.enum(['district', 'city', 'province', 'national']).default('province'),
  EDUBRIDGE_FEDERATION_PULL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
});

export interface Config {
  port: number;
  host: string;
  /** null → the embedded PGlite database in `dataDir/pglite`. */
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  publicUrl: string;
  /** Behind TLS (PUBLIC_URL is https): cookies are Secure and HSTS is sent. */
  secureCookies: boolean;
  sessionSecret: string;
  trustProxy: boolean;
  maxUploadBytes: number;
  /** Notification e-mail; null → in-app notifications only. */
  mail: MailSettings | null;
  /** This node in the federation (optional so hand-built test configs need not name it). */
  federation?: FederationSettings;
}

export interface FederationSettings {
  name: string;
  jurisdictions: string[];
  level: 'district' | 'city' | 'province' | 'national';
  pullSeconds: number;
}

export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** Links in e-mails point here. */
  publicUrl: string;
}

/**
 * The mail part of the environment alone, for the notification e-mail job: jobs get the database and blob
 * store but no Config, and reading only these variables has none of loadConfig's side effects.
 */
export function loadMailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.pick({ PORT: true, PUBLIC_URL: true, EDUBRIDGE_SMTP_URL: true, EDUBRIDGE_SMTP_FROM: true }).safeParse(present);
  const smtpUrl = parsed.success ? parsed.data.EDUBRIDGE_SMTP_URL : undefined;
  if (!parsed.success || !smtpUrl) return null;
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return { smtpUrl, from: e.EDUBRIDGE_SMTP_FROM ?? `EduBridge <no-reply@${new URL(publicUrl).hostname}>`, publicUrl };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=` in an env file) means "not set", as operators expect.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.EDUBRIDGE_DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? null;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    dataDir,
    // The demo seeds itself on the embedded database unless switched off; a real PostgreSQL stays empty
    // unless the operator asks for it.
    demo: e.EDUBRIDGE_DEMO ?? databaseUrl === null,
    logLevel: e.LOG_LEVEL,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    sessionSecret: e.EDUBRIDGE_SESSION_SECRET ?? readOrCreateSecret(dataDir),
    trustProxy: e.EDUBRIDGE_TRUST_PROXY,
    maxUploadBytes: Math.round(e.EDUBRIDGE_MAX_UPLOAD_MB * 1024 * 1024),
    mail: loadMailSettings(present),
    federation: {
      name: e.EDUBRIDGE_NODE_NAME ?? `EduBridge ${e.EDUBRIDGE_NODE_JURISDICTIONS}`,
      jurisdictions: e.EDUBRIDGE_NODE_JURISDICTIONS.split(','),
      level: e.EDUBRIDGE_NODE_LEVEL,
      pullSeconds: e.EDUBRIDGE_FEDERATION_PULL_SECONDS,
    },
  };
}

/** A secret generated on first start and kept (mode 0600) in the data dir, so restarts keep sessions. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
