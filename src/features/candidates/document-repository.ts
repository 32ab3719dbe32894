import type { Db } from "../../lib/context.js";
import type { CandidateDocument } from "./schema.js";

type StoredDocument = CandidateDocument & { storageKey: string };

function select(db: Db) {
  return db
    .selectFrom("candidate_document")
    .leftJoin("app_user", "app_user.id", "candidate_document.uploaded_by")
    .select([
      "candidate_document.id",
      "candidate_document.candidate_id",
      "candidate_document.kind",
      "candidate_document.file_name",
      "candidate_document.media_type",
      "candidate_document.size_bytes",
      "candidate_document.storage_key",
      "candidate_document.created_at",
      "app_user.display_name as user_name",
    ]);
}

function toDocument(r: Awaited<ReturnType<ReturnType<typeof select>["executeTakeFirstOrThrow"]>>): StoredDocument {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    kind: r.kind,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    uploadedBy: r.user_name ?? null,
    createdAt: new Date(r.created_at).toISOString(),
    storageKey: r.storage_key,
  };
}

export async function findDocuments(db: Db, candidateId: string): Promise<CandidateDocument[]> {
  const rows = await select(db)
    .where("candidate_document.candidate_id", "=", candidateId)
    .orderBy("candidate_document.created_at", "desc")
    .execute();
  return rows.map((r) => {
    const { storageKey: _k, ...doc } = toDocument(r);
    return doc;
  });
}

export async function findDocument(db: Db, candidateId: string, id: string): Promise<StoredDocument | undefined> {
  const r = await select(db)
    .where("candidate_document.candidate_id", "=", candidateId)
    .where("candidate_document.id", "=", id)
    .executeTakeFirst();
  return r && toDocument(r);
}

/** Every stored file of a candidate (erasure deletes them from the storage). */
export async function findStorageKeys(db: Db, candidateId: string): Promise<string[]> {
  const rows = await db.selectFrom("candidate_document").select("storage_key").where("candidate_id", "=", candidateId).execute();
  return rows.map((r) => r.storage_key);
}

export async function insertDocument(
  db: Db,
  d: {
    candidateId: string;
    kind: CandidateDocument["kind"];
    fileName: string;
    mediaType: "application/pdf" | "image/jpeg" | "image/png";
    size: number;
    sha256: string;
    key: string;
    by: string | null;
    at: Date;
  },
): Promise<string> {
  const { id } = await db
    .insertInto("candidate_document")
    .values({
      candidate_id: d.candidateId,
      kind: d.kind,
      file_name: d.fileName,
      media_type: d.mediaType,
      size_bytes: d.size,
      sha256: d.sha256,
      storage_key: d.key,
      uploaded_by: d.by,
      created_at: d.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function deleteDocumentRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom("candidate_document").where("id", "=", id).execute();
}
