import type { ImportFormat } from "../../../features/imports/schema";
import { ApiError, type Problem } from "../../api/client";
import { i18n } from "../../i18n";

export const formats: readonly ImportFormat[] = ["csv", "xlsx", "jobsuche"];

/** The format a file's name suggests: .csv, .xlsx, .json (a Jobsuche export); null if none of these. */
export function formatOf(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().split(".").pop();
  return ext === "csv" || ext === "txt" ? "csv" : ext === "xlsx" ? "xlsx" : ext === "json" ? "jobsuche" : null;
}

const isProblem = (data: unknown): data is Problem =>
  typeof data === "object" && data !== null && typeof (data as { title?: unknown }).title === "string";

/**
 * Uploads the file as multipart/form-data (the api client sends JSON only) and starts the dry run.
 * Errors come back as the same ApiError the api client throws, for the problem alert and the fields.
 */
export async function uploadImport(file: File, format: ImportFormat): Promise<{ id: string }> {
  const body = new FormData();
  body.set("file", file);
  body.set("format", format);
  const res = await fetch("/api/v1/imports", {
    method: "POST",
    credentials: "same-origin",
    headers: { "accept-language": i18n.resolvedLanguage === "en" ? "en" : "de" },
    body,
  });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    throw new ApiError(isProblem(data) ? data : { title: i18n.t("error.title"), status: res.status, detail: i18n.t("error.unexpected") });
  }
  return data as { id: string };
}
