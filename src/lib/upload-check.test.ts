import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { translate } from "./i18n/messages.js";
import { checkUpload, safeFileName } from "./upload-check.js";

const MB = 1024 * 1024;
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

/** A minimal real PDF: one empty page. */
const pdfText = (extra = "") =>
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
  `3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n${extra}` +
  "trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n";
const pdf = (extra = "") => latin1(pdfText(extra));

/** The 1×1 transparent PNG. */
const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60,
  0xf8, 0x5f, 0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60,
  0x82,
]);

/** A JPEG (JFIF) header: SOI, APP0 "JFIF", then EOI. */
const jpeg = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]);

const exe = new Uint8Array([0x4d, 0x5a, ...new Array(126).fill(0)]);
const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, ...new Array(57).fill(0)]);

/** The German (and English) message a refused upload carries for the field `file`. */
async function refusal(name: string, bytes: Uint8Array, limit = 10 * MB, locale: "de" | "en" = "de"): Promise<string> {
  const error = await checkUpload({ name, bytes }, limit).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const domain = error as DomainError;
  expect(domain.kind).toBe("invalid");
  const messages = domain.options.fields?.file ?? [];
  expect(messages).toHaveLength(1);
  return translate(locale, messages[0] ?? "");
}

describe("checkUpload: the content decides", () => {
  it("accepts a real PDF, PNG and JPEG with their hash and size", async () => {
    expect(await checkUpload({ name: "Lebenslauf.pdf", bytes: pdf() }, MB)).toMatchObject({
      mediaType: "application/pdf",
      safeName: "Lebenslauf.pdf",
      size: pdf().length,
    });
    expect(await checkUpload({ name: "pixel.png", bytes: png }, MB)).toEqual({
      mediaType: "image/png",
      safeName: "pixel.png",
      sha256: "497790947d4666760ce38f3c00e852c71fdb66cae849bae8e9ede352719e1581",
      size: 70,
    });
    expect(await checkUpload({ name: "Foto.JPEG", bytes: jpeg }, MB)).toMatchObject({
      mediaType: "image/jpeg",
      safeName: "Foto.jpg",
      size: 22,
    });
  });

  it("accepts a PNG named .pdf as a PNG and gives it the right extension", async () => {
    const checked = await checkUpload({ name: "zeugnis.pdf", bytes: png }, MB);
    expect(checked.mediaType).toBe("image/png");
    expect(checked.safeName).toBe("zeugnis.png");
  });

  it("refuses a Windows program named lebenslauf.pdf, naming what it is", async () => {
    expect(await refusal("lebenslauf.pdf", exe)).toBe("Die Datei ist eine ausführbare Datei (EXE). Erlaubt sind nur PDF, JPEG und PNG.");
    expect(await refusal("lebenslauf.pdf", exe, MB, "en")).toBe(
      "The file is an executable file (EXE). Only PDF, JPEG and PNG are allowed.",
    );
    expect(await refusal("lebenslauf.pdf", elf)).toBe("Die Datei ist eine ausführbare Datei (ELF). Erlaubt sind nur PDF, JPEG und PNG.");
  });

  it("refuses other known formats and unknown content", async () => {
    expect(await refusal("bild.png", latin1("GIF89a\x01\x00\x01\x00\x00\x00\x00;"))).toBe(
      "Die Datei ist ein Bild im Format GIF. Erlaubt sind nur PDF, JPEG und PNG.",
    );
    expect(await refusal("notiz.pdf", latin1("Nur ein Text, kein PDF."))).toBe(
      "Das Format der Datei wurde nicht erkannt. Erlaubt sind nur PDF, JPEG und PNG.",
    );
    expect(await refusal("notiz.pdf", latin1("Nur ein Text, kein PDF."), MB, "en")).toBe(
      "The file's format was not recognised. Only PDF, JPEG and PNG are allowed.",
    );
  });

  it("refuses an empty file", async () => {
    expect(await refusal("leer.pdf", new Uint8Array(0))).toBe("Die Datei ist leer.");
  });

  it("accepts a file exactly at the limit and refuses one byte more, saying the limit in MB", async () => {
    const padded = (size: number) => {
      const bytes = new Uint8Array(size).fill(0x20);
      bytes.set(pdf());
      return bytes;
    };
    expect((await checkUpload({ name: "gross.pdf", bytes: padded(MB) }, MB)).size).toBe(MB);
    expect(await refusal("gross.pdf", padded(MB + 1), MB)).toBe("Die Datei ist größer als 1 MB.");
    expect(await refusal("gross.pdf", padded(2 * MB), 1.5 * MB)).toBe("Die Datei ist größer als 1,5 MB.");
    expect(await refusal("gross.pdf", padded(MB + 1), MB, "en")).toBe("The file is larger than 1 MB.");
  });
});

describe("checkUpload: PDFs with active content", () => {
  const active =
    "Die PDF-Datei enthält aktive Inhalte (JavaScript oder Startbefehle) und wird aus Sicherheitsgründen nicht angenommen. Bitte drucken Sie sie neu als PDF.";

  it("refuses JavaScript and launch actions", async () => {
    expect(await refusal("a.pdf", pdf("4 0 obj\n<< /S /JavaScript /JS (app.alert(1)) >>\nendobj\n"))).toBe(active);
    expect(await refusal("a.pdf", pdf("4 0 obj\n<< /S /Launch /F (cmd.exe) >>\nendobj\n"))).toBe(active);
  });

  it("refuses names spelled with #xx escapes", async () => {
    expect(await refusal("a.pdf", pdf("4 0 obj\n<< /S /J#61vaScript /JS (x) >>\nendobj\n"))).toBe(active);
  });

  it("refuses an action hidden in a compressed object stream, and an object stream that is a bomb", async () => {
    const objStm = (content: Buffer) =>
      Buffer.concat([
        Buffer.from(`4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${content.length} >>\nstream\n`, "latin1"),
        content,
        Buffer.from("\nendstream\nendobj\n", "latin1"),
      ]).toString("latin1");
    expect(await refusal("a.pdf", pdf(objStm(deflateSync("5 0 << /S /JavaScript /JS (app.alert(1)) >>"))))).toBe(active);
    expect(await refusal("a.pdf", pdf(objStm(deflateSync(Buffer.alloc(65 * MB)))))).toBe(active);
    const harmless = pdf(objStm(deflateSync("5 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")));
    expect((await checkUpload({ name: "a.pdf", bytes: harmless }, MB)).mediaType).toBe("application/pdf");
  });

  it("accepts a PDF that only mentions JavaScript in its text", async () => {
    const cv = pdf("4 0 obj\n<< /Length 44 >>\nstream\nBT (Kenntnisse: JavaScript, TypeScript) Tj ET\nendstream\nendobj\n");
    expect((await checkUpload({ name: "cv.pdf", bytes: cv }, MB)).mediaType).toBe("application/pdf");
  });
});

describe("safe display names", () => {
  it("makes a path with NUL harmless", async () => {
    const checked = await checkUpload({ name: "../../etc/passwd\u0000.pdf", bytes: pdf() }, MB);
    expect(checked.safeName).toBe("passwd.pdf");
  });

  it.each([
    ["C:\\Users\\Amira\\Zeugnis.PDF", "pdf", "Zeugnis.pdf"],
    ["Lebenslauf Müller–Özdemir.pdf", "pdf", "Lebenslauf Müller–Özdemir.pdf"],
    ["شهادة المدرسة.jpeg", "jpg", "شهادة المدرسة.jpg"],
    ["Зображення.png", "png", "Зображення.png"],
    ["rechnung\u202efdp.exe", "pdf", "rechnungfdp.pdf"],
    ["tab\tund\r\nzeile.pdf", "pdf", "tabundzeile.pdf"],
    ['a<b>:c"d|e?f*.pdf', "pdf", "a_b__c_d_e_f_.pdf"],
    ["Zeugnis", "png", "Zeugnis.png"],
    ["..", "pdf", "dokument.pdf"],
    ["", "pdf", "dokument.pdf"],
    [".bashrc", "pdf", "dokument.pdf"],
    ["  mehrere   Leerzeichen .pdf", "pdf", "mehrere Leerzeichen.pdf"],
  ])("%j as %s becomes %j", (name, ext, expected) => {
    expect(safeFileName(name, ext)).toBe(expected);
  });

  it("keeps at most 120 characters without splitting a character", () => {
    const long = safeFileName(`${"ä".repeat(200)}.pdf`, "pdf");
    expect(long).toBe(`${"ä".repeat(116)}.pdf`);
    const emoji = safeFileName(`${"😀".repeat(200)}.png`, "png");
    expect(Array.from(emoji)).toHaveLength(120);
    expect(emoji.endsWith("😀.png")).toBe(true);
  });
});
