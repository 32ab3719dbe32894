/** RFC 9457 problem details: the one error shape of the API, with a German title and detail. */
export type FieldErrors = Record<string, string[]>;

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldErrors;
  requestId?: string;
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export const problems = {
  notSignedIn: () => new HttpProblem(401, "Nicht angemeldet", "Bitte melden Sie sich an."),
  forbidden: (detail = "Für diese Aktion fehlt Ihnen die Berechtigung.") => new HttpProblem(403, "Keine Berechtigung", detail),
  notFound: (what = "Der Eintrag") => new HttpProblem(404, "Nicht gefunden", `${what} existiert nicht oder ist für Sie nicht sichtbar.`),
  conflict: (detail: string) => new HttpProblem(409, "Konflikt", detail),
  invalid: (errors: FieldErrors, detail = "Bitte prüfen Sie die markierten Angaben.") =>
    new HttpProblem(422, "Ungültige Eingabe", detail, errors),
};
