import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import type { AppEnv } from "../../lib/http/env.js";
import { type FieldErrors, HttpProblem, type ProblemBody } from "../../lib/http/problem.js";

export function problemResponse(c: Context<AppEnv>, p: HttpProblem): Response {
  const body: ProblemBody = {
    type: "about:blank",
    title: p.title,
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    ...(p.errors ? { errors: p.errors } : {}),
    requestId: c.get("requestId"),
  };
  for (const [k, v] of Object.entries(p.headers ?? {})) c.header(k, v);
  return c.body(JSON.stringify(body), p.status as ContentfulStatusCode, { "Content-Type": "application/problem+json; charset=utf-8" });
}

/** Field errors keyed by the dotted path of the field ("districts.0"); the form shows them at the field. */
export function fieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  const add = (key: string, message: string) => {
    out[key] = [...(out[key] ?? []), message];
  };
  for (const issue of error.issues) {
    let key = issue.path.map(String).join(".") || "_";
    let message = issue.message;
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) add(k, "Dieses Feld ist unbekannt");
      continue;
    }
    if (issue.code === "invalid_type" && issue.input === undefined) message = "Pflichtfeld";
    if (key === "") key = "_";
    add(key, message);
  }
  return out;
}

export function toProblem(err: unknown): HttpProblem | undefined {
  if (err instanceof HttpProblem) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new HttpProblem(413, "Anfrage zu groß", "Die gesendeten Daten überschreiten die erlaubte Größe.");
    if (err.status === 400) {
      return new HttpProblem(400, "Ungültige Anfrage", "Der Inhalt der Anfrage ist kein gültiges JSON. Bitte prüfen Sie das Format.");
    }
    return new HttpProblem(err.status, "Anfrage nicht möglich", err.message);
  }
  return undefined;
}
