import pino from "pino";
import { origin, type TestContext } from "../../../tests/support/test-app.js";
import { loadConfig } from "../../lib/config.js";
import { createJobRunner } from "../jobs/runner.js";

/** Helpers of the import tests and fixtures: a multipart upload as a signed-in person, and the jobs run to the end. */

export const testConfig = loadConfig({ DATA_DIR: "/nonexistent" });

export async function uploadImport(
  t: TestContext,
  as: string,
  file: { content: string | Uint8Array; name?: string },
  format: string,
  mapping?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  const bytes = typeof file.content === "string" ? new TextEncoder().encode(file.content) : file.content;
  form.append("file", new File([new Uint8Array(bytes)], file.name ?? `betriebe.${format === "jobsuche" ? "json" : format}`));
  form.append("format", format);
  if (mapping !== undefined) form.append("mapping", typeof mapping === "string" ? mapping : JSON.stringify(mapping));
  return await t.app.request(`${origin}/api/v1/imports`, {
    method: "POST",
    body: form,
    headers: { cookie: as, origin, "x-forwarded-for": "203.0.113.10", ...headers },
  });
}

/** Runs every due job (dry runs, commits) as the app's runner would, on the test's clock. */
export function runJobs(t: TestContext): Promise<number> {
  return createJobRunner({ db: t.db, config: testConfig, log: pino({ level: "silent" }), now: () => t.clock.now }).drainJobs();
}

/** Uploads, runs the dry run, and answers the import's id (throws with the answer when the upload is refused). */
export async function dryRun(
  t: TestContext,
  as: string,
  file: { content: string | Uint8Array; name?: string },
  format: string,
  mapping?: unknown,
) {
  const res = await uploadImport(t, as, file, format, mapping);
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await runJobs(t);
  return id;
}
