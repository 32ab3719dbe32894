import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ZodError } from "zod";
import { fail } from "../../lib/errors.js";
import type { AppEnv } from "../../lib/http/env.js";
import { readMultipart } from "../../lib/http/multipart.js";
import { type ApiRouter, csvDownload, ctxOf, defineRoute, jsonResponse } from "../../lib/http/route.js";
import { importCreatedSchema, importIdParam, importQuerySchema, importSchema, mappingSchema, uploadFieldsSchema } from "./schema.js";
import { commitImport, getImport, importLimitBytes, rejectedRowsCsv, startImport, tooLarge, type Upload } from "./service.js";

/** Coordination, administration and counsellors (into their districts); partners import nothing. */
export const importAccess = ["admin", "coordinator", "counsellor"] as const;
const tags = ["Importe"];

const uploadPath = "/api/v1/imports";

/** The upload has its own, larger body limit (20 MB); the app's general limit skips it. */
export const hasOwnBodyLimit = (method: string, path: string) => method === "POST" && path === uploadPath;

const upload = defineRoute({
  method: "post",
  path: uploadPath,
  tags,
  summary: "Datei hochladen (CSV, XLSX oder Jobsuche-JSON): startet die Probe (nichts wird geschrieben)",
  access: importAccess,
  request: {
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            required: ["file", "format"],
            properties: {
              file: { type: "string", format: "binary", description: "Die Datei, höchstens 20 MB" },
              format: { type: "string", enum: ["csv", "xlsx", "jobsuche"] },
              mapping: {
                type: "string",
                description: 'JSON: Feld → Spalte, z. B. {"name": "Firmenname", "postalCode": "Postleitzahl"}; wird je Dateiaufbau gemerkt',
              },
            },
          },
        },
      },
    },
  },
  responses: {
    202: jsonResponse(importCreatedSchema, "Probe gestartet; GET /api/v1/imports/{id} zeigt Fortschritt und Ergebnis"),
    413: { description: "Datei zu groß" },
    415: { description: "Kein multipart/form-data" },
  },
});
const detail = defineRoute({
  method: "get",
  path: "/api/v1/imports/{id}",
  tags,
  summary: "Stand eines Imports: Fortschritt, Ergebnis je Zeile (anlegen, ändern, ablehnen mit Gründen)",
  access: importAccess,
  request: { params: importIdParam, query: importQuerySchema },
  responses: { 200: jsonResponse(importSchema, "Der Import"), 404: { description: "Nicht gefunden oder nicht sichtbar" } },
});
const commit = defineRoute({
  method: "post",
  path: "/api/v1/imports/{id}/commit",
  tags,
  summary: "Die gültigen Zeilen übernehmen (nach der Probe)",
  access: importAccess,
  request: { params: importIdParam },
  responses: {
    202: jsonResponse(importCreatedSchema, "Übernahme gestartet"),
    404: { description: "Nicht gefunden" },
    409: { description: "Probe nicht fertig oder schon übernommen" },
  },
});
const rejected = defineRoute({
  method: "get",
  path: "/api/v1/imports/{id}/rejected",
  tags,
  summary: "Die abgelehnten Zeilen mit ihren Gründen als CSV",
  access: importAccess,
  request: { params: importIdParam },
  responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } }, 404: { description: "Nicht gefunden" } },
});

function fieldErrors(error: ZodError, prefix?: string): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null);
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "_";
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/** The multipart body within the upload limit, read into its parts. */
async function readUpload(c: Context<AppEnv>): Promise<Upload> {
  const body = await readMultipart(c, {
    maxBytes: importLimitBytes,
    tooLarge,
    hint: "Bitte laden Sie die Datei als multipart/form-data hoch (Felder file und format, optional mapping).",
  });
  const fields = uploadFieldsSchema.safeParse({ format: body.format, mapping: body.mapping ?? undefined });
  if (!fields.success) throw fail.invalid(fieldErrors(fields.error));
  const file = body.file;
  if (!(file instanceof File)) throw fail.invalid({ file: ["Bitte eine Datei anhängen (Feld file)"] });
  let mapping: Upload["mapping"];
  if (fields.data.mapping) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fields.data.mapping);
    } catch {
      throw fail.invalid({ mapping: ["Die Zuordnung (mapping) ist kein gültiges JSON"] });
    }
    const checked = mappingSchema.safeParse(parsed);
    if (!checked.success) throw fail.invalid(fieldErrors(checked.error, "mapping"));
    mapping = checked.data;
  }
  if (file.size > importLimitBytes) throw tooLarge();
  return {
    format: fields.data.format,
    fileName: file.name ? file.name.slice(0, 200) : null,
    bytes: new Uint8Array(await file.arrayBuffer()),
    mapping,
  };
}

export function importRoutes(router: ApiRouter): void {
  router.openapi(upload, async (c) => c.json(await startImport(ctxOf(c), await readUpload(c)), 202));
  router.openapi(detail, async (c) => c.json(await getImport(ctxOf(c), c.req.valid("param").id, c.req.valid("query")), 200));
  router.openapi(commit, async (c) => c.json(await commitImport(ctxOf(c), c.req.valid("param").id), 202));
  router.openapi(rejected, async (c) => {
    const ctx = ctxOf(c);
    return csvDownload(ctx, await rejectedRowsCsv(ctx, c.req.valid("param").id), "abgelehnte-zeilen");
  });
}
