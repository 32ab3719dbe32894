import { i18n } from "../i18n";

/** The problem+json body every API error has. */
export type Problem = { title: string; status: number; detail?: string; errors?: Record<string, string[]>; requestId?: string };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status() {
    return this.problem.status;
  }
}

const isProblem = (data: unknown): data is Problem =>
  typeof data === "object" && data !== null && typeof (data as { title?: unknown }).title === "string";

/** The language the server answers messages in: the one the person reads the app in. */
const language = () => (i18n.resolvedLanguage === "en" ? "en" : "de");

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "accept-language": language() };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers,
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined; // not JSON (a proxy's error page, say): reported below as an unexpected answer
  }
  if (!res.ok) {
    throw new ApiError(isProblem(data) ? data : { title: i18n.t("error.title"), status: res.status, detail: i18n.t("error.unexpected") });
  }
  return data as T;
}

/** Query string from an object, without empty values. */
export function toQuery(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
