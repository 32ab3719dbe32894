import type { AccessFixture } from "../../../tests/support/access-fixture.js";
import { demo, type TestContext } from "../../../tests/support/test-app.js";

const missing = "00000000-0000-4000-8000-000000000000";

/** A young person in Halle (06108) with a residence section, a consent and a PDF document, made as the Halle counsellor. */
export async function halleCandidate(t: TestContext) {
  const counsellor = await t.signIn(demo.counsellorHalle);
  const lastName = `Matrix${Math.random().toString(36).slice(2, 8)}`;
  const res = await t.request("POST", "/api/v1/candidates", {
    as: counsellor,
    body: {
      firstName: "Samira",
      lastName,
      birthDate: "2006-05-04",
      postalCode: "06108",
      email: "samira.matrix@example.org",
      residence: { status: "duldung", workPermission: "needs_approval", immigrationOffice: "ABH Matrix-Stadt" },
    },
  });
  if (res.status !== 201) throw new Error(`fixture candidate: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const consent = await t.request("POST", `/api/v1/candidates/${id}/consents`, {
    as: counsellor,
    body: { purposes: ["counselling", "matching", "share_with_partner"], recipients: [{ partnerName: "Jobcenter Halle (Saale)" }] },
  });
  if (consent.status !== 201) throw new Error(`fixture consent: ${consent.status} ${await consent.text()}`);
  const consentId = ((await consent.json()) as { id: string }).id;
  const form = new FormData();
  form.set("kind", "cv");
  form.set("file", new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "lebenslauf.pdf"));
  const upload = await t.app.request(`http://localhost/api/v1/candidates/${id}/documents`, {
    method: "POST",
    headers: { cookie: counsellor, origin: "http://localhost", "x-forwarded-for": "203.0.113.10" },
    body: form,
  });
  if (upload.status !== 201) throw new Error(`fixture document: ${upload.status} ${await upload.text()}`);
  const documentId = ((await upload.json()) as { id: string }).id;
  return { id, lastName, consentId, documentId };
}

/** A route on one young person of Halle; `secrets` are what must never reach someone who may not see them. */
export const candidateRoute = (
  route: string,
  body?: (made: Awaited<ReturnType<typeof halleCandidate>>) => unknown,
  options: { districtBound?: boolean } = {},
): AccessFixture => ({
  route,
  make: async (t) => {
    const made = await halleCandidate(t);
    return {
      params: { id: made.id, consentId: made.consentId, documentId: made.documentId },
      missingParams: { id: missing, consentId: missing, documentId: missing },
      body: body?.(made),
      districtBound: options.districtBound ?? true,
      secrets: [made.lastName, "samira.matrix@example.org", "ABH Matrix-Stadt", "duldung"],
    };
  },
});

export const accessFixtures: AccessFixture[] = [
  candidateRoute("GET /api/v1/candidates/{id}"),
  candidateRoute("PATCH /api/v1/candidates/{id}", () => ({ germanLevel: "B1" })),
  candidateRoute("GET /api/v1/candidates/{id}/residence"),
  candidateRoute("PUT /api/v1/candidates/{id}/residence", () => ({ status: "ausbildungsduldung", workPermission: "allowed" })),
  candidateRoute("GET /api/v1/candidates/{id}/timeline"),
  candidateRoute("GET /api/v1/candidates/{id}/documents"),
  // The matrix sends JSON; the upload answers 415 to that. Its wrong-district case is in candidates.test.ts.
  candidateRoute("POST /api/v1/candidates/{id}/documents", undefined, { districtBound: false }),
  candidateRoute("GET /api/v1/candidates/{id}/documents/{documentId}"),
  candidateRoute("DELETE /api/v1/candidates/{id}/documents/{documentId}"),
];
