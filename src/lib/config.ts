import path from "node:path";
import { z } from "zod";

const agsList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^\d{5}$/, "jeder Eintrag muss ein fünfstelliger Kreisschlüssel (AGS) sein")).min(1));

const booleanFlag = z.enum(["0", "1", "true", "false", ""]).transform((v) => v === "1" || v === "true");

/** Every environment variable Lotse reads, with its default. The README lists the same table. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data/db"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "muss mit postgres:// oder postgresql:// beginnen")
    .optional(),
  LOTSE_DEMO: booleanFlag.optional(),
  SERVICE_REGION_AGS: agsList.default(["15002", "15088", "15001", "15091", "15082", "15087", "15084"]),
  PUBLIC_ORIGIN: z.url("muss eine vollständige Adresse wie https://lotse.example.org sein").optional(),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(100_000).default(1024),
  TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  FILES_DIR: z.string().min(1).optional(),
  OUTBOX_DIR: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "muss mit smtp:// oder smtps:// beginnen, z. B. smtp://benutzer:passwort@mail.example.org:587")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Lotse <lotse@localhost>"),
  UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(100).default(10),
  RESIDENCE_ROLES: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z.enum(["admin", "coordinator", "counsellor"], "nur admin, coordinator und counsellor; Partner sehen den Aufenthaltsstatus nie"),
        )
        .min(1),
    )
    .default(["admin", "counsellor"]),
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
});

export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Demo data is seeded into a new database: on by default for PGlite, off for PostgreSQL. */
  demo: boolean;
  serviceRegion: string[];
  publicOrigin: string | undefined;
  sessionHours: number;
  bodyLimitBytes: number;
  logLevel: string;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy that sets it). */
  trustProxy: boolean;
  /** Uploaded documents (CV, certificates): a folder unless another storage provider is configured. */
  filesDir: string;
  /** Mail goes here as .eml files unless SMTP_URL is set. */
  outboxDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  uploadLimitBytes: number;
  /** Candidates closed for longer than this are anonymised by the retention job. */
  retentionMonths: number;
  /** Roles that may see a candidate's residence section (counsellors only for the candidates of their districts). */
  residenceRoles: ("admin" | "coordinator" | "counsellor")[];
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable counts as unset (DATABASE_URL= means "no PostgreSQL").
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${String(i.path[0] ?? "?")}: ${i.message} (Wert: ${JSON.stringify(env[String(i.path[0])] ?? "")})`,
    );
    throw new ConfigError(`Ungültige Konfiguration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    demo: c.LOTSE_DEMO ?? !c.DATABASE_URL,
    serviceRegion: c.SERVICE_REGION_AGS,
    publicOrigin: c.PUBLIC_ORIGIN?.replace(/\/$/, ""),
    sessionHours: c.SESSION_HOURS,
    bodyLimitBytes: c.BODY_LIMIT_KB * 1024,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    filesDir: path.resolve(c.FILES_DIR ?? path.join(path.dirname(path.resolve(c.DATA_DIR)), "files")),
    outboxDir: path.resolve(c.OUTBOX_DIR ?? path.join(path.dirname(path.resolve(c.DATA_DIR)), "outbox")),
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    uploadLimitBytes: c.UPLOAD_LIMIT_MB * 1024 * 1024,
    retentionMonths: c.RETENTION_MONTHS,
    residenceRoles: c.RESIDENCE_ROLES,
  };
}
