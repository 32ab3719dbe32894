import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../../db/types.js";
import type { AppConfig } from "../config.js";
import type { Ctx } from "../context.js";

export type AppDeps = {
  db: Kysely<Database>;
  config: AppConfig;
  databaseKind: "pglite" | "postgres";
  /** Injected clock, so tests of time-based rules (lockouts, expiry) need no sleeping. */
  now: () => Date;
  log: Logger;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    /** The request context: built once per API request, handed to every service. */
    ctx: Ctx;
  };
};
