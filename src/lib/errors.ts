import { type Msg, msg } from "./i18n/messages.js";

/**
 * Errors of the domain, thrown by services and repositories and mapped to problem+json at the edge
 * (src/server/middleware/errors.ts). Services never speak HTTP.
 */
export type DomainErrorKind =
  | "invalid"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "unauthenticated"
  | "throttled"
  | "bad_request"
  | "too_large"
  | "unsupported_media_type"
  /** A link or resource that existed but is used up (an expired confirmation link). */
  | "gone"
  /** A service we depend on (the mail server) is not reachable right now. */
  | "unavailable"
  /** A failure of ours, not of the input: logged, answered with 500 and the request id. */
  | "internal";

/** Messages per field, keyed by the dotted path of the field ("districts.0"); "_" for the whole input. */
export type FieldErrors = Record<string, Msg[]>;

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly detail: Msg,
    readonly options: {
      fields?: FieldErrors;
      title?: Msg;
      retryAfterSeconds?: number;
      /** Extension members of the problem document (RFC 9457), e.g. the duplicates a create found. */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(typeof detail === "string" ? detail : detail.text);
    this.name = "DomainError";
  }
}

/** An empty field-error map that a client-chosen key such as `__proto__` cannot poison. */
export function newFieldErrors(): FieldErrors {
  return Object.create(null) as FieldErrors;
}

export function addFieldError(errors: FieldErrors, field: string, message: Msg): void {
  const list = Object.hasOwn(errors, field) ? errors[field] : undefined;
  Object.defineProperty(errors, field, { value: [...(list ?? []), message], enumerable: true, configurable: true, writable: true });
}

export const fail = {
  notSignedIn: () => new DomainError("unauthenticated", "Bitte melden Sie sich an."),
  forbidden: (detail: Msg = "Für diese Aktion fehlt Ihnen die Berechtigung.") => new DomainError("forbidden", detail),
  /** `what` is the thing in German with its article, e.g. "Das Benutzerkonto". */
  notFound: (what: Msg = "Der Eintrag") =>
    new DomainError("not_found", msg("{what} existiert nicht oder ist für Sie nicht sichtbar.", { what }), { title: "Nicht gefunden" }),
  conflict: (detail: Msg) => new DomainError("conflict", detail),
  invalid: (fields: Record<string, Msg[]>, detail: Msg = "Bitte prüfen Sie die markierten Angaben.") => {
    const safe = newFieldErrors();
    for (const [k, v] of Object.entries(fields)) for (const m of v) addFieldError(safe, k, m);
    return new DomainError("invalid", detail, { fields: safe });
  },
  badRequest: (detail: Msg) => new DomainError("bad_request", detail),
  throttled: (detail: Msg, retryAfterSeconds: number, title?: Msg) =>
    new DomainError("throttled", detail, { retryAfterSeconds, ...(title ? { title } : {}) }),
};
