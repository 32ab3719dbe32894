import { z } from "zod";
import { fail } from "../errors.js";

/**
 * Keyset pagination: the cursor is the sort key and id of the last row of a page, base64url-encoded
 * JSON. Opaque to clients; a cursor that does not decode is a 422 at the field.
 */
export type CursorValue = { k: string | number | null; id: string };

export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

const cursorShape = z.object({ k: z.union([z.string().max(300), z.number(), z.null()]), id: z.string().uuid() });

export function decodeCursor(text: string): CursorValue | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The query parameter, validated where it comes in. */
export const cursorParam = z
  .string()
  .max(600)
  .refine((s) => decodeCursor(s) !== null, "Ungültige Seitenmarke (cursor): bitte die Liste neu laden");

/**
 * The sort key of a decoded cursor as the list's column wants it: text for a name order, a time for a
 * date order. A forged cursor (the other order's key, an impossible time) is a 422, never a 500.
 */
export function cursorSortKey(cursor: CursorValue, kind: "text" | "time"): string | Date {
  if (kind === "text" && typeof cursor.k === "string") return cursor.k;
  if (kind === "time" && typeof cursor.k === "string") {
    const time = new Date(cursor.k);
    if (!Number.isNaN(time.getTime())) return time;
  }
  throw fail.invalid({ cursor: ["Ungültige Seitenmarke (cursor): bitte die Liste neu laden"] });
}
