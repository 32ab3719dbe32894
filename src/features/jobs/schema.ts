import { z } from "@hono/zod-openapi";
import type { Role } from "../../lib/http/actor.js";
import type { Msg } from "../../lib/i18n/messages.js";

export const jobStatuses = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** The person a job acts for: its scope and its name in the audit log, as they were when they asked. */
export type Requester = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  districts: string[];
  organisation: string | null;
};

/** A job as the runner and the features that own it see it. */
export type Job = {
  id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  requester: Requester | null;
  progress: number;
  progressText: Msg | null;
  result: unknown;
  error: Msg | null;
  attempts: number;
  maxAttempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

/** What `GET` on a job's resource shows of the job itself (API.md "Long work"). */
export const jobStateSchema = z.object({
  status: z.enum(jobStatuses),
  progress: z.number().min(0).max(1).describe("0 bis 1"),
  progressText: z.string().nullable().describe("Was gerade geschieht"),
  error: z.string().nullable().describe("Warum der Auftrag fehlgeschlagen ist"),
});
export type JobState = z.infer<typeof jobStateSchema>;
