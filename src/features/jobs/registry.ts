import type { Ctx } from "../../lib/context.js";
import type { Msg } from "../../lib/i18n/messages.js";
import type { Job } from "./schema.js";

/**
 * Records progress (0–1) and what is happening, and renews the job's lease. Call it between units of
 * work, never inside an open transaction (PGlite has one connection: the call would wait for itself).
 * Throws when the job must stop (the process is shutting down, or the lease went to another worker).
 */
export type ReportProgress = (fraction: number, text: Msg) => Promise<void>;

/**
 * Does one job. `ctx` carries the requesting person's scope and audit identity; what the handler
 * returns is stored as the job's result (JSON). A `DomainError` fails the job with its message at once;
 * any other error is retried until the job's attempts are used up.
 */
export type JobHandler = (ctx: Ctx, job: Job, reportProgress: ReportProgress) => Promise<unknown>;

const handlers = new Map<string, JobHandler>();
const wakers = new Set<() => void>();

/** Registers what does jobs of one kind ("import.dry_run"); features do this when their module loads. */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  const existing = handlers.get(kind);
  if (existing && existing !== handler) throw new Error(`Für Aufträge der Art ${kind} ist bereits eine Verarbeitung eingetragen`);
  handlers.set(kind, handler);
}

export const jobHandlerFor = (kind: string): JobHandler | undefined => handlers.get(kind);
export const registeredJobKinds = (): string[] => [...handlers.keys()];

/** Runners of this process listen, so a job asked for here starts without waiting for the next poll. */
export function onJobQueued(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

export function jobQueued(): void {
  for (const wake of wakers) wake();
}
