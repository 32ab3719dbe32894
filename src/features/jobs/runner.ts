import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { AppConfig } from "../../lib/config.js";
import type { Db } from "../../lib/context.js";
import { DomainError } from "../../lib/errors.js";
import { type Msg, msg } from "../../lib/i18n/messages.js";
import { jobHandlerFor, onJobQueued, type ReportProgress, registeredJobKinds } from "./registry.js";
import { claimNextJob, extendLease, failExhaustedJobs, failJob, finishJob, releaseJob, retryJobLater } from "./repository.js";
import type { Job } from "./schema.js";
import { jobContext } from "./service.js";

export type JobRunnerOptions = {
  db: Db;
  config: AppConfig;
  log: Logger;
  /** The clock of leases and of the jobs' contexts (tests move it). */
  now?: () => Date;
  /** How often an idle runner looks for work. */
  pollMs?: number;
  /** How long a claimed job stays with this runner without a sign of life (heartbeat, progress). */
  leaseMs?: number;
  workerId?: string;
  /** Told of every progress report (the crash test's child process prints it). */
  onProgress?: (job: Job, fraction: number, text: Msg) => void;
};

export type JobRunner = {
  /** Claims one due job and does it; false when there was none. */
  runOnce: () => Promise<boolean>;
  /** Does due jobs until none is left; the number done. Tests drive jobs with this instead of sleeping. */
  drainJobs: () => Promise<number>;
  /** Polls in the background (the app after its start). */
  start: () => void;
  /** Stops polling; a job in progress is handed back to the queue at its next progress report. */
  stop: () => Promise<void>;
  readonly workerId: string;
};

class JobStopped extends Error {}
class LeaseLost extends Error {}

const doneText = "Fertig";
const retryNote = "Ein Versuch ist fehlgeschlagen; der Auftrag wird wiederholt.";
const gaveUp = (attempts: number) =>
  msg("Der Auftrag ist {attempts}-mal fehlgeschlagen und wird nicht mehr versucht. Bitte wenden Sie sich an den Support.", { attempts });
const interrupted = (attempts: number) =>
  msg("Der Auftrag wurde {attempts}-mal unterbrochen (Absturz oder Neustart) und wird nicht mehr versucht. Bitte starten Sie ihn neu.", {
    attempts,
  });

/** A domain error as one message: its detail, or the first field message when the detail is the general one. */
function messageOf(err: DomainError): Msg {
  const fields = err.options.fields ?? {};
  const first = Object.keys(fields).map((k) => fields[k]?.[0])[0];
  return err.kind === "invalid" && first ? first : err.detail;
}

/**
 * The job runner (decision record 0007): claims jobs from the table with `FOR UPDATE SKIP LOCKED`
 * under a lease, renews the lease while the handler works, stores progress and result. A job whose
 * worker died is taken again when its lease has run out, until its attempts are used up.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, config, log } = options;
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1000;
  const workerId = options.workerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let current: Promise<unknown> | null = null;
  let wake: (() => void) | null = null;

  async function run(job: Job): Promise<void> {
    const handler = jobHandlerFor(job.kind);
    const ctx = jobContext({ db, config, log, now: now() }, job);
    const jobLog = log.child({ job: job.id, kind: job.kind, attempt: job.attempts });
    let lost = false;
    const heartbeat = setInterval(
      () => {
        extendLease(db, job.id, workerId, new Date(now().getTime() + leaseMs), now())
          .then((ok) => {
            if (!ok) lost = true;
          })
          .catch((err: unknown) => jobLog.warn({ err }, "Lebenszeichen des Auftrags nicht gespeichert"));
      },
      Math.max(1000, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    const report: ReportProgress = async (fraction, text) => {
      // PGlite answers in microtasks: without a turn of the event loop here, requests (someone asking for
      // this job's progress) and timers would wait until the whole job is done.
      await new Promise((resolve) => setImmediate(resolve));
      if (stopping) throw new JobStopped();
      if (lost || !(await extendLease(db, job.id, workerId, new Date(now().getTime() + leaseMs), now(), { value: fraction, text }))) {
        throw new LeaseLost();
      }
      options.onProgress?.(job, fraction, text);
    };
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      const result = await handler(ctx, job, report);
      if (!(await finishJob(db, job.id, workerId, now(), result ?? null, doneText))) {
        jobLog.warn("Auftrag fertig, aber inzwischen von einem anderen Prozess übernommen");
      }
    } catch (err) {
      if (err instanceof JobStopped) {
        await releaseJob(db, job.id, workerId, now());
        jobLog.info("Auftrag beim Beenden zurückgegeben");
      } else if (err instanceof LeaseLost) {
        jobLog.warn("Auftrag an einen anderen Prozess verloren (Frist abgelaufen)");
      } else if (err instanceof DomainError) {
        // The input's fault (a malformed file): trying again gives the same answer.
        await failJob(db, job.id, workerId, now(), messageOf(err));
      } else if (job.attempts >= job.maxAttempts) {
        jobLog.error({ err }, "Auftrag endgültig fehlgeschlagen");
        await failJob(db, job.id, workerId, now(), gaveUp(job.attempts));
      } else {
        jobLog.error({ err }, "Auftrag fehlgeschlagen, wird wiederholt");
        const later = new Date(now().getTime() + 5000 * 2 ** (job.attempts - 1));
        await retryJobLater(db, job.id, workerId, now(), later, retryNote);
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function runOnce(): Promise<boolean> {
    if (stopping) return false;
    const at = now();
    for (const f of await failExhaustedJobs(db, at, interrupted))
      log.error({ job: f.id, kind: f.kind }, "Auftrag nach Unterbrechungen aufgegeben");
    const job = await claimNextJob(db, { workerId, now: at, leaseMs, kinds: registeredJobKinds() });
    if (!job) return false;
    const running = run(job);
    current = running;
    try {
      await running;
    } finally {
      current = null;
    }
    return true;
  }

  async function drainJobs(): Promise<number> {
    let n = 0;
    while (await runOnce()) n++;
    return n;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  function start(): void {
    if (loop) return;
    const unsubscribe = onJobQueued(() => wake?.());
    loop = (async () => {
      while (!stopping) {
        let ran = false;
        try {
          ran = await runOnce();
        } catch (err) {
          log.error({ err }, "Auftragsverarbeitung: Fehler beim Abholen");
        }
        if (!ran && !stopping) await sleep(pollMs);
      }
      unsubscribe();
    })();
  }

  async function stop(): Promise<void> {
    stopping = true;
    wake?.();
    const waitFor = [loop, current].filter((p): p is Promise<unknown> => p !== null);
    // A handler that never reports progress again keeps its lease until it runs out; do not wait forever.
    await Promise.race([Promise.allSettled(waitFor), new Promise((r) => setTimeout(r, 10_000).unref())]);
  }

  return { runOnce, drainJobs, start, stop, workerId };
}
