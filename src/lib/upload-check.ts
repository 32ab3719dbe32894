import { createHash } from "node:crypto";
import { constants, inflateSync } from "node:zlib";
import { fileTypeFromBuffer } from "file-type";
import { fail } from "./errors.js";
import { type Msg, msg } from "./i18n/messages.js";

export const documentTypes = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" } as const;
export type DocumentMediaType = keyof typeof documentTypes;

export type CheckedUpload = { mediaType: DocumentMediaType; safeName: string; sha256: string; size: number };

const detectedToAllowed: Record<string, DocumentMediaType> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
  apng: "image/png", // an animated PNG is still a PNG
};

/**
 * Checks an uploaded document by its content (magic numbers), never by its name or Content-Type
 * header. Throws a 422 with a German message for the field `file`. A name whose extension disagrees
 * with the content is accepted; the returned name gets the extension of the content.
 */
export async function checkUpload(file: { name: string; bytes: Uint8Array }, limitBytes: number): Promise<CheckedUpload> {
  const { bytes } = file;
  if (bytes.length === 0) throw fail.invalid({ file: ["Die Datei ist leer."] });
  if (bytes.length > limitBytes) throw refuse(msg("Die Datei ist größer als {mb} MB.", { mb: megabytes(limitBytes) }));
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  const mediaType = detected ? detectedToAllowed[detected.ext] : undefined;
  if (!detected) throw fail.invalid({ file: ["Das Format der Datei wurde nicht erkannt. Erlaubt sind nur PDF, JPEG und PNG."] });
  if (!mediaType) throw refuse(msg("Die Datei ist {what}. Erlaubt sind nur PDF, JPEG und PNG.", { what: describeFormat(detected.ext) }));
  if (mediaType === "application/pdf" && pdfHasActiveContent(bytes)) {
    throw refuse(
      msg(
        "Die PDF-Datei enthält aktive Inhalte (JavaScript oder Startbefehle) und wird aus Sicherheitsgründen nicht angenommen. Bitte drucken Sie sie neu als PDF.",
        {},
      ),
    );
  }
  return {
    mediaType,
    safeName: safeFileName(file.name, documentTypes[mediaType]),
    sha256: createHash("sha256").update(bytes).digest("hex"),
    size: bytes.length,
  };
}

/** Texts are written inside fail.invalid or msg where they are thrown, so the i18n test finds them. */
const refuse = (message: Msg) => fail.invalid({ file: [message] });

/** The limit in MB in German number format ("10", "1,5"). */
function megabytes(limitBytes: number): string {
  return new Intl.NumberFormat("de-DE", { maximumSignificantDigits: 3 }).format(limitBytes / (1024 * 1024));
}

const groups: [string[], (format: string) => Msg][] = [
  [
    ["exe", "elf", "macho", "class", "jar", "apk", "wasm", "deb", "rpm", "msi"],
    (format) => msg("eine ausführbare Datei ({format})", { format }),
  ],
  [
    ["zip", "rar", "7z", "gz", "bz2", "xz", "tar", "zst", "cab", "lz", "lzh", "arj", "ace"],
    (format) => msg("ein gepacktes Archiv ({format})", { format }),
  ],
  [["docx", "docm", "dotx", "dotm", "odt", "ott", "rtf"], (format) => msg("ein Textdokument ({format})", { format })],
  [["xlsx", "xlsm", "xltx", "xltm", "ods", "ots"], (format) => msg("eine Tabelle ({format})", { format })],
  [["pptx", "pptm", "ppsx", "ppsm", "potx", "potm", "odp", "otp"], (format) => msg("eine Präsentation ({format})", { format })],
  [
    ["gif", "webp", "heic", "avif", "bmp", "tif", "jxl", "jp2", "jpx", "ico", "psd", "jls"],
    (format) => msg("ein Bild im Format {format}", { format }),
  ],
];

/** What the content is, in German with its article, for the refusal message. */
function describeFormat(ext: string): Msg {
  if (ext === "cfb") return "ein Office-Dokument im alten Format (DOC, XLS oder PPT)";
  if (ext === "lnk") return "eine Windows-Verknüpfung (LNK)";
  const format = ext.toUpperCase();
  for (const [exts, text] of groups) if (exts.includes(ext)) return text(format);
  return msg("eine Datei im Format {format}", { format });
}

const activePdfNames = /\/(JavaScript|Launch)\b/;
const inflateBudget = 64 * 1024 * 1024;

/**
 * JavaScript or launch actions in a PDF, also where the name is written with #xx escapes or the action
 * sits in a compressed object stream (/ObjStm, Flate). A heuristic: it refuses, it never repairs.
 */
export function pdfHasActiveContent(bytes: Uint8Array): boolean {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = raw.toString("latin1");
  if (hasActiveName(text)) return true;
  let budget = inflateBudget;
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(text); m; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    streams.lastIndex = end;
    const head = text.slice(Math.max(0, m.index - 2048), m.index);
    if (!decodeNames(head.slice(head.lastIndexOf("obj"))).includes("/ObjStm")) continue;
    try {
      const inflated = inflateSync(raw.subarray(start, end), { maxOutputLength: budget, finishFlush: constants.Z_SYNC_FLUSH });
      budget -= inflated.length;
      if (hasActiveName(inflated.toString("latin1"))) return true;
    } catch (e) {
      // Object streams are small; one that inflates beyond the budget is a bomb, not a document.
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || budget <= 0) return true;
      // Otherwise not Flate or damaged: the raw bytes were searched above.
    }
  }
  return false;
}

/** Names may spell characters as #xx ("/J#61vaScript"). */
const decodeNames = (text: string) =>
  text.includes("#") ? text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;

function hasActiveName(text: string): boolean {
  return activePdfNames.test(text) || (text.includes("#") && activePdfNames.test(decodeNames(text)));
}

const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const maxNameLength = 120;

/**
 * The user's file name reduced to a display name: no path parts, control or bidi characters, or
 * characters Windows forbids; letters of every script stay; at most 120 characters; the extension is
 * the one of the content.
 */
export function safeFileName(name: string, ext: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/\p{Cc}/gu, "")
    .replace(bidiControls, "")
    .split(/[/\\]/)
    .pop()
    ?.replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim();
  const stem = (cleaned ?? "").replace(/\.[\p{L}\p{N}]{1,10}$/u, "").replace(/^[.\s]+|[.\s]+$/g, "");
  const room = maxNameLength - ext.length - 1;
  const chars = Array.from(stem || "dokument");
  const short = chars.length > room ? chars.slice(0, room).join("").trimEnd() : chars.join("");
  return `${short}.${ext}`;
}
