import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../db/types.js";
import type { AppConfig } from "./config.js";
import { describeDatabaseError } from "./database-errors.js";
import { fail } from "./errors.js";
import { type Actor, type Scope, systemScope } from "./http/actor.js";
import type { Locale } from "./i18n/locale.js";

export type Db = Kysely<Database>;

/**
 * Everything a service needs to know about the request it serves, built once per request
 * (src/server/middleware/request-context.ts) and handed to every service as its first argument.
 * The clock is `now`, never `new Date()`: tests move it.
 */
export type Ctx = {
  /** The database, or the open transaction inside `withWrite`. */
  readonly db: Db;
  readonly actor: Actor | null;
  readonly scope: Scope;
  readonly now: Date;
  readonly requestId: string;
  readonly ip: string;
  readonly userAgent: string | null;
  readonly locale: Locale;
  readonly log: Logger;
  readonly config: AppConfig;
  /** True inside `withWrite`: writes and their audit entries share this transaction. */
  readonly inWrite: boolean;
};

/**
 * Runs `fn` in a transaction, or in the one already open: matching → consultation → process chain
 * write together or not at all. Kysely refuses nested `transaction()`, so services never call it.
 */
export async function withWrite<T>(ctx: Ctx, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inWrite) return fn(ctx);
  try {
    return await ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx, inWrite: true }));
  } catch (e) {
    // A constraint the input broke (a taken e-mail address, a check) is the caller's error, not ours.
    throw describeDatabaseError(e) ?? e;
  }
}

/** The signed-in actor of a request whose route requires one. */
export function actorOf(ctx: Pick<Ctx, "actor">): Actor {
  if (!ctx.actor) throw fail.notSignedIn();
  return ctx.actor;
}

/**
 * A context for work done by the system rather than a request (the admin command line, start-up,
 * jobs): no actor, the whole scope, its own id for the audit log.
 */
export function systemContext(deps: { db: Db; config: AppConfig; log: Logger; now?: Date }, purpose: string): Ctx {
  return {
    db: deps.db,
    actor: null,
    scope: systemScope,
    now: deps.now ?? new Date(),
    requestId: `system-${purpose}`,
    ip: "local",
    userAgent: null,
    locale: "de",
    log: deps.log.child({ purpose }),
    config: deps.config,
    inWrite: false,
  };
}
