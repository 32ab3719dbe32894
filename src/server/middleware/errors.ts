import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { describeDatabaseError } from "../../lib/database-errors.js";
import { addFieldError, DomainError, type DomainErrorKind, type FieldErrors, fail, newFieldErrors } from "../../lib/errors.js";
import type { AppEnv } from "../../lib/http/env.js";
import type { Locale } from "../../lib/i18n/locale.js";
import { type Msg, msg, translate } from "../../lib/i18n/messages.js";

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Record<string, string[]>;
  requestId?: string;
  [extension: string]: unknown;
};

const statusOf: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  gone: 410,
  invalid: 422,
  throttled: 429,
  internal: 500,
  unavailable: 503,
};

const titleOf: Record<DomainErrorKind, string> = {
  bad_request: "Ungültige Anfrage",
  unauthenticated: "Nicht angemeldet",
  forbidden: "Keine Berechtigung",
  not_found: "Nicht gefunden",
  conflict: "Konflikt",
  too_large: "Anfrage zu groß",
  unsupported_media_type: "Format nicht unterstützt",
  gone: "Nicht mehr gültig",
  unavailable: "Vorübergehend nicht verfügbar",
  invalid: "Ungültige Eingabe",
  throttled: "Zu viele Versuche",
  internal: "Interner Fehler",
};

/** Field errors from zod, keyed by the dotted path of the field; the form shows them at the field. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out = newFieldErrors();
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) addFieldError(out, k, "Dieses Feld ist unbekannt");
      continue;
    }
    addFieldError(out, issue.path.map(String).join(".") || "_", issue.message);
  }
  return out;
}

/** Anything thrown while serving a request, as a domain error; undefined for a real failure (500). */
export function toDomainError(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new DomainError("too_large", "Die gesendeten Daten überschreiten die erlaubte Größe.");
    if (err.status === 415) {
      return new DomainError("unsupported_media_type", "Bitte senden Sie die Daten als JSON (Content-Type: application/json).");
    }
    if (err.status === 400) return fail.badRequest("Der Inhalt der Anfrage ist kein gültiges JSON. Bitte prüfen Sie das Format.");
    if (err.status === 401) return fail.notSignedIn();
    if (err.status === 403) return fail.forbidden();
    if (err.status === 404) return fail.notFound();
    return fail.badRequest(msg("Die Anfrage konnte nicht verarbeitet werden (HTTP {status}).", { status: err.status }));
  }
  return describeDatabaseError(err);
}

export function problemBody(e: DomainError, locale: Locale, requestId: string): ProblemBody {
  const t = (m: Msg) => translate(locale, m);
  const fields = e.options.fields;
  let errors: Record<string, string[]> | undefined;
  if (fields) {
    errors = {};
    for (const key of Object.keys(fields)) {
      Object.defineProperty(errors, key, { value: (fields[key] ?? []).map(t), enumerable: true });
    }
  }
  return {
    type: "about:blank",
    title: t(e.options.title ?? titleOf[e.kind]),
    status: statusOf[e.kind],
    detail: t(e.detail),
    ...(errors ? { errors } : {}),
    ...(e.options.extensions ?? {}),
    requestId,
  };
}

export function problemResponse(c: Context<AppEnv>, e: DomainError, locale: Locale, requestId: string): Response {
  const body = problemBody(e, locale, requestId);
  if (e.options.retryAfterSeconds !== undefined) c.header("Retry-After", String(e.options.retryAfterSeconds));
  c.header("Content-Language", locale);
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, { "Content-Type": "application/problem+json; charset=utf-8" });
}
