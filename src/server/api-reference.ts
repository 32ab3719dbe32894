type OpenApiDoc = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, { summary?: string; tags?: string[]; "x-access"?: string }>>;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string);

const accessLabel = (a = "") =>
  a === "public"
    ? "öffentlich"
    : a.startsWith("roles:")
      ? `Rollen: ${a.slice(6).replaceAll(",", ", ")}`
      : a === "signed-in"
        ? "angemeldet"
        : a === "signed-in-any"
          ? "angemeldet (auch vor Passwortwechsel)"
          : "Passwort bestätigt (zweiter Faktor offen)";

/**
 * A readable API reference rendered on the server from the OpenAPI document: works offline and
 * under a CSP without inline scripts (no CDN-hosted viewer).
 */
export function renderApiReference(doc: OpenApiDoc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? "Allgemein";
      const row = `<tr><td><code class="m">${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? "")}</td><td>${escapeHtml(accessLabel(op["x-access"]))}</td></tr>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
    }
  }
  const sections = [...byTag.entries()]
    .map(
      ([tag, rows]) =>
        `<h2>${escapeHtml(tag)}</h2><table><thead><tr><th>Methode</th><th>Pfad</th><th>Zweck</th><th>Zugriff</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    )
    .join("\n");
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)} – API-Referenz</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><main><h1>${escapeHtml(doc.info.title)} – API-Referenz</h1>
<p>Version ${escapeHtml(doc.info.version)}. Maschinenlesbar: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Fehler kommen immer als <code>application/problem+json</code> mit deutschem <code>title</code>/<code>detail</code> und Feldfehlern in <code>errors</code>.</p>
${sections}</main></body></html>`;
}

export const apiReferenceCss = `body{font-family:system-ui,sans-serif;margin:0;color:#1b1f24;background:#f8f9fa}main{max-width:1100px;margin:auto;padding:2rem}
table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:1.5rem}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #dee2e6;vertical-align:top}
code.m{font-weight:700}h2{margin-top:2rem}a{color:#1864ab}`;
