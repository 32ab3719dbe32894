import { z } from "@hono/zod-openapi";
import { fail } from "../../lib/errors.js";
import { readMultipart } from "../../lib/http/multipart.js";
import { type ApiRouter, ctxOf, defineRoute, jsonResponse } from "../../lib/http/route.js";
import { deleteDocument, documentTooLarge, downloadDocument, listDocuments, uploadDocument } from "./documents.js";
import { candidateAccess } from "./routes.js";
import { candidateIdParam, documentParam, documentSchema } from "./schema.js";
import { requireCandidateRef } from "./service.js";

const tags = ["Jugendliche"];
const uploadPath = /^\/api\/v1\/candidates\/[^/]+\/documents$/;

/** Document uploads have their own limit (UPLOAD_LIMIT_MB); the app's general body limit skips them. */
export const documentUploadHasOwnLimit = (method: string, path: string) => method === "POST" && uploadPath.test(path);

const list = defineRoute({
  method: "get",
  path: "/api/v1/candidates/{id}/documents",
  tags,
  summary: "Dokumente (Lebenslauf, Zeugnisse) einer Person",
  access: candidateAccess,
  request: { params: candidateIdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(documentSchema) }), "Dokumente") },
});
const upload = defineRoute({
  method: "post",
  path: "/api/v1/candidates/{id}/documents",
  tags,
  summary: "Dokument hochladen (PDF, JPEG, PNG; der Typ wird am Inhalt geprüft)",
  access: candidateAccess,
  request: {
    params: candidateIdParam,
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            required: ["file", "kind"],
            properties: { file: { type: "string", format: "binary" }, kind: { type: "string", enum: ["cv", "certificate", "other"] } },
          },
        },
      },
    },
  },
  responses: { 201: jsonResponse(documentSchema, "Gespeichert"), 413: { description: "Datei zu groß" } },
});
const download = defineRoute({
  method: "get",
  path: "/api/v1/candidates/{id}/documents/{documentId}",
  tags,
  summary: "Dokument herunterladen (wird protokolliert)",
  access: candidateAccess,
  request: { params: documentParam },
  responses: { 200: { description: "Die Datei", content: { "application/pdf": { schema: z.string() } } } },
});
const remove = defineRoute({
  method: "delete",
  path: "/api/v1/candidates/{id}/documents/{documentId}",
  tags,
  summary: "Dokument löschen (auch aus dem Speicher)",
  access: candidateAccess,
  request: { params: documentParam },
  responses: { 204: { description: "Gelöscht" } },
});

export function documentRoutes(router: ApiRouter): void {
  router.openapi(list, async (c) => c.json({ items: await listDocuments(ctxOf(c), c.req.valid("param").id) }, 200));
  router.openapi(upload, async (c) => {
    const ctx = ctxOf(c);
    // Out of scope reads exactly like a missing person, before anything of the body is looked at.
    await requireCandidateRef(ctx, c.req.valid("param").id);
    const body = await readMultipart(c, {
      maxBytes: ctx.config.uploadLimitBytes,
      tooLarge: () => documentTooLarge(ctx),
      hint: "Bitte laden Sie das Dokument als multipart/form-data hoch (Felder file und kind).",
    });
    const file = body.file;
    if (!(file instanceof File)) throw fail.invalid({ file: ["Bitte eine Datei anhängen (Feld file)"] });
    if (file.size > ctx.config.uploadLimitBytes) throw documentTooLarge(ctx);
    const created = await uploadDocument(ctx, c.req.valid("param").id, {
      kind: body.kind,
      name: file.name ?? "",
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return c.json(created, 201);
  });
  router.openapi(download, async (c) => {
    const { id, documentId } = c.req.valid("param");
    const file = await downloadDocument(ctxOf(c), id, documentId);
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: {
        "Content-Type": file.mediaType,
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
      },
    }) as never;
  });
  router.openapi(remove, async (c) => {
    const { id, documentId } = c.req.valid("param");
    await deleteDocument(ctxOf(c), id, documentId);
    return c.body(null, 204);
  });
}
