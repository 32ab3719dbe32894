import type { Kysely } from "kysely";
import type { Database } from "../../db/types.js";
import type { AppConfig } from "../config.js";
import type { Actor } from "./actor.js";

export type AppDeps = {
  db: Kysely<Database>;
  config: AppConfig;
  databaseKind: "pglite" | "postgres";
  /** Injected clock, so tests of time-based rules (lockouts, expiry) need no sleeping. */
  now: () => Date;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    ip: string;
    actor: Actor | null;
  };
};
