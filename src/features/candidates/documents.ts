import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";
import { folderStorage, newStorageKey } from "../../lib/storage.js";
import { checkUpload } from "../../lib/upload-check.js";
import { deleteDocumentRow, findDocument, findDocuments, insertDocument } from "./document-repository.js";
import type { CandidateDocument } from "./schema.js";
import { documentKinds } from "./schema.js";
import { requireCandidateRef } from "./service.js";

/** The storage provider: a folder (FILES_DIR) unless another is configured. */
export const storageOf = (ctx: Pick<Ctx, "config">) => folderStorage(ctx.config.filesDir);

export const documentTooLarge = (ctx: Pick<Ctx, "config">) =>
  new DomainError("too_large", msg("Die Datei ist größer als {mb} MB.", { mb: ctx.config.uploadLimitBytes / 1024 / 1024 }));

export function listDocuments(ctx: Ctx, candidateId: string): Promise<CandidateDocument[]> {
  return requireCandidateRef(ctx, candidateId).then(() => findDocuments(ctx.db, candidateId));
}

/**
 * Stores a CV or certificate: the type is checked by content (PDF, JPEG, PNG), the file goes to the
 * storage under a key of our own, then the row is written; if the row fails, the file is removed again.
 */
export async function uploadDocument(ctx: Ctx, candidateId: string, upload: { kind: unknown; name: string; bytes: Uint8Array }) {
  const kind = documentKinds.find((k) => k === upload.kind);
  if (!kind) throw fail.invalid({ kind: ["Art des Dokuments angeben: cv, certificate oder other"] });
  await requireCandidateRef(ctx, candidateId);
  const checked = await checkUpload({ name: upload.name, bytes: upload.bytes }, ctx.config.uploadLimitBytes);
  const storage = storageOf(ctx);
  const key = newStorageKey(`candidates/${candidateId}`);
  await storage.put(key, upload.bytes);
  try {
    return await withWrite(ctx, async (w) => {
      await requireCandidateRef(w, candidateId);
      const id = await insertDocument(w.db, {
        candidateId,
        kind,
        fileName: checked.safeName,
        mediaType: checked.mediaType,
        size: checked.size,
        sha256: checked.sha256,
        key,
        by: w.actor?.id ?? null,
        at: w.now,
      });
      await audit(w, { entity: "candidate_document", action: "create", entityId: id, fields: [kind] });
      return (await findDocument(w.db, candidateId, id)) as CandidateDocument;
    });
  } catch (e) {
    await storage.delete(key);
    throw e;
  }
}

/** The file for a permitted user; every download is audited. */
export async function downloadDocument(ctx: Ctx, candidateId: string, documentId: string) {
  await requireCandidateRef(ctx, candidateId);
  const doc = await findDocument(ctx.db, candidateId, documentId);
  if (!doc) throw fail.notFound("Das Dokument");
  const bytes = await storageOf(ctx).get(doc.storageKey);
  await withWrite(ctx, (w) => audit(w, { entity: "candidate_document", action: "download", entityId: documentId, fields: [doc.kind] }));
  return { bytes, fileName: doc.fileName, mediaType: doc.mediaType };
}

export async function deleteDocument(ctx: Ctx, candidateId: string, documentId: string): Promise<void> {
  const key = await withWrite(ctx, async (w) => {
    await requireCandidateRef(w, candidateId);
    const doc = await findDocument(w.db, candidateId, documentId);
    if (!doc) throw fail.notFound("Das Dokument");
    await deleteDocumentRow(w.db, documentId);
    await audit(w, { entity: "candidate_document", action: "delete", entityId: documentId, fields: [doc.kind] });
    return doc.storageKey;
  });
  await storageOf(ctx).delete(key);
}
