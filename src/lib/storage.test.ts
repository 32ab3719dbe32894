import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { type FileStorage, folderStorage, isStorageKey, newStorageKey } from "./storage.js";

let root: string;
let storage: FileStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "lotse-storage-"));
  storage = folderStorage(path.join(root, "files"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const mode = async (p: string) => (await stat(p)).mode & 0o777;

describe("folderStorage", () => {
  it("puts, gets, lists and deletes a document", async () => {
    await storage.put("candidates/c1/doc-a", bytes("erste"));
    await storage.put("candidates/c1/doc-b", bytes("zweite"));
    await storage.put("candidates/c2/doc-c", bytes("dritte"));

    expect((await storage.get("candidates/c1/doc-a")).toString()).toBe("erste");
    expect(await storage.exists("candidates/c1/doc-b")).toBe(true);
    expect(await storage.exists("candidates/c1")).toBe(false); // a folder is not a key
    expect(await storage.list("candidates/c1")).toEqual(["candidates/c1/doc-a", "candidates/c1/doc-b"]);
    expect(await storage.list("candidates/c1/")).toEqual(["candidates/c1/doc-a", "candidates/c1/doc-b"]);
    expect(await storage.list("candidates")).toEqual(["candidates/c1/doc-a", "candidates/c1/doc-b", "candidates/c2/doc-c"]);
    expect(await storage.list("")).toEqual(["candidates/c1/doc-a", "candidates/c1/doc-b", "candidates/c2/doc-c"]);
    expect(await storage.list("candidates/c1/doc-a")).toEqual(["candidates/c1/doc-a"]);
    expect(await storage.list("candidates/none")).toEqual([]);

    expect(await storage.delete("candidates/c1/doc-a")).toBe(true);
    expect(await storage.delete("candidates/c1/doc-a")).toBe(false);
    expect(await storage.exists("candidates/c1/doc-a")).toBe(false);
    expect(await storage.list("candidates")).toEqual(["candidates/c1/doc-b", "candidates/c2/doc-c"]);
  });

  it("lists nothing and deletes nothing before the first put", async () => {
    expect(await storage.list("")).toEqual([]);
    expect(await storage.delete("a/b")).toBe(false);
    expect(await storage.exists("a/b")).toBe(false);
  });

  it("overwrites atomically and leaves no temporary file behind", async () => {
    await storage.put("a/b", bytes("alt"));
    await storage.put("a/b", bytes("neu"));
    expect((await storage.get("a/b")).toString()).toBe("neu");
    expect(await readdir(path.join(root, "files", "a"))).toEqual(["b"]);
  });

  it("keeps documents private: folders 0o700, files 0o600", async () => {
    await storage.put("candidates/c1/doc", bytes("x"));
    expect(await mode(path.join(root, "files"))).toBe(0o700);
    expect(await mode(path.join(root, "files", "candidates"))).toBe(0o700);
    expect(await mode(path.join(root, "files", "candidates", "c1"))).toBe(0o700);
    expect(await mode(path.join(root, "files", "candidates", "c1", "doc"))).toBe(0o600);
  });

  it("removes the folders a delete leaves empty, but not the root or folders still in use", async () => {
    await storage.put("candidates/c1/sub/doc", bytes("x"));
    await storage.put("candidates/c2/doc", bytes("y"));
    await storage.delete("candidates/c1/sub/doc");
    expect(await readdir(path.join(root, "files", "candidates"))).toEqual(["c2"]);
    await storage.delete("candidates/c2/doc");
    expect(await readdir(path.join(root, "files"))).toEqual([]);
  });

  it("answers a missing document with a not-found error", async () => {
    await storage.put("a/b", bytes("x"));
    await expect(storage.get("a/missing")).rejects.toMatchObject({ kind: "not_found" });
    await expect(storage.get("a")).rejects.toBeInstanceOf(DomainError);
    await expect(storage.get("a/b/c")).rejects.toMatchObject({ kind: "not_found" });
  });

  it("ignores files in the folder that are not keys (temporary files, stray names)", async () => {
    await storage.put("a/b", bytes("x"));
    await writeFile(path.join(root, "files", "a", ".b.1234.tmp"), "half");
    await writeFile(path.join(root, "files", "a", "Upper.PDF"), "stray");
    expect(await storage.list("a")).toEqual(["a/b"]);
  });

  it.each(["../x", "/etc/passwd", "a//b", "a/./b", "a/../b", "", "a/", "./a", "A/b", "a\\b", "a/b\u0000", "a b", "..", "a/b.pdf"])(
    "refuses the key %j everywhere",
    async (key) => {
      expect(isStorageKey(key)).toBe(false);
      await expect(storage.put(key, bytes("x"))).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/Invalid storage key/);
      await expect(storage.exists(key)).rejects.toThrow(/Invalid storage key/);
    },
  );

  it("refuses a prefix that would leave the root", async () => {
    await expect(storage.list("../")).rejects.toThrow(/Invalid storage key/);
    await expect(storage.list("/etc")).rejects.toThrow(/Invalid storage key/);
  });

  it("writes nothing outside the root for a refused key", async () => {
    await expect(storage.put("../escaped", bytes("x"))).rejects.toThrow();
    expect(await readdir(root)).toEqual([]);
  });
});

describe("newStorageKey", () => {
  it("adds a random UUID under the prefix", () => {
    const a = newStorageKey("candidates/5b0c6f0e-6a4e-4a57-9b9c-0d1f2e3a4b5c");
    const b = newStorageKey("candidates/5b0c6f0e-6a4e-4a57-9b9c-0d1f2e3a4b5c");
    expect(a).toMatch(
      /^candidates\/5b0c6f0e-6a4e-4a57-9b9c-0d1f2e3a4b5c\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a).not.toBe(b);
    expect(isStorageKey(a)).toBe(true);
  });

  it("refuses a prefix that is not a key", () => {
    expect(() => newStorageKey("../x")).toThrow(/Invalid storage key/);
    expect(() => newStorageKey("Lebenslauf.pdf")).toThrow(/Invalid storage key/);
  });
});
