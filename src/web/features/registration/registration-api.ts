import type { RegistrationLanguage } from "../../../features/registration/schema";
import { ApiError, type Problem } from "../../api/client";
import { serverLanguage } from "./languages";

/** No answer at all (offline, the connection broke): said differently from an answer that is a "no". */
export class NoConnection extends Error {}

const isProblem = (data: unknown): data is Problem =>
  typeof data === "object" && data !== null && typeof (data as { title?: unknown }).title === "string";

/**
 * Like `api()` from api/client, but in the page's language, not the app's (the app's i18n knows only
 * German and English and is not switched by these pages): the server answers in German for German
 * and in English for the other four.
 */
export async function pageApi<T>(language: RegistrationLanguage, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "accept-language": serverLanguage(language) };
  if (body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, { method, credentials: "same-origin", headers, body: body !== undefined ? JSON.stringify(body) : undefined });
  } catch {
    throw new NoConnection();
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined; // not JSON (a proxy's error page): an unexpected answer, reported by status
  }
  if (!res.ok) throw new ApiError(isProblem(data) ? { ...data, status: res.status } : { title: "", status: res.status });
  return data as T;
}
