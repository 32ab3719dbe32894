import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { webBuildStaleReason, webInputFiles, webInputsHash } from "./web-build.mjs";

const root = mkdtempSync(path.join(tmpdir(), "lotse-web-inputs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, content: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

// A miniature project: what reaches the bundle, and what does not.
write("src/web/index.html", "<div id=root></div>");
write("src/web/main.tsx", "import '../features/users/schema';");
write("src/web/public/favicon.svg", "<svg/>");
write("src/web/ui/format.test.ts", "test");
write("src/features/users/schema.ts", "import '../../lib/http/page';");
write("src/features/users/service.ts", "server only");
write("src/lib/http/page.ts", "export const page = 1;");
write("src/lib/config.test.ts", "test");
write("src/db/connection.ts", "server only");
write("src/server/app.ts", "server only");
write("vite.config.ts", "export default {}");
write("package-lock.json", '{"lockfileVersion":3}');
write("README.md", "# Lotse");

describe("the inputs of the web build (npm start rebuilds when their hash differs from the stamp)", () => {
  it("are the web app, the feature schemas, src/lib, the build configuration and the lock file; no tests", () => {
    expect(webInputFiles(root)).toEqual([
      "package-lock.json",
      "src/features/users/schema.ts",
      "src/lib/http/page.ts",
      "src/web/index.html",
      "src/web/main.tsx",
      "src/web/public/favicon.svg",
      "vite.config.ts",
    ]);
  });

  it.each([
    ["a file under src/lib", "src/lib/http/page.ts"],
    ["package-lock.json (a dependency upgrade)", "package-lock.json"],
    ["a feature schema", "src/features/users/schema.ts"],
    ["index.html", "src/web/index.html"],
    ["a file of src/web/public", "src/web/public/favicon.svg"],
    ["vite.config.ts", "vite.config.ts"],
  ])("editing %s changes the hash", (_, file) => {
    const before = webInputsHash(root);
    write(file, `changed ${Math.random()}`);
    expect(webInputsHash(root)).not.toBe(before);
  });

  it("a new file under src/web changes it, as does a deleted one", () => {
    const before = webInputsHash(root);
    write("src/web/ui/new.tsx", "export {}");
    const added = webInputsHash(root);
    expect(added).not.toBe(before);
    rmSync(path.join(root, "src/web/ui/new.tsx"));
    expect(webInputsHash(root)).toBe(before);
  });

  it("unrelated files do not: server code, a service, tests, the README", () => {
    const before = webInputsHash(root);
    write("src/features/users/service.ts", "changed");
    write("src/db/connection.ts", "changed");
    write("src/server/app.ts", "changed");
    write("src/lib/config.test.ts", "changed");
    write("src/web/ui/format.test.ts", "changed");
    write("README.md", "changed");
    expect(webInputsHash(root)).toBe(before);
  });

  it("a file the last build read from elsewhere (recorded in the stamp) is watched too", () => {
    const before = webInputsHash(root, ["src/db/connection.ts"]);
    write("src/db/connection.ts", "changed again");
    expect(webInputsHash(root, ["src/db/connection.ts"])).not.toBe(before);
  });

  it("dist/web is stale when missing, without a stamp, or with a stamp of other inputs; current with the right one", () => {
    expect(webBuildStaleReason(root)).toBe("noch nicht gebaut");
    write("dist/web/index.html", "<html>");
    expect(webBuildStaleReason(root)).toBe("ohne Stempel gebaut");
    write("dist/web.stamp", JSON.stringify({ hash: webInputsHash(root), extraInputs: [] }));
    expect(webBuildStaleReason(root)).toBeNull();
    write("src/lib/http/page.ts", "export const page = 2;");
    expect(webBuildStaleReason(root)).toBe("Quellen geändert");
  });
});
