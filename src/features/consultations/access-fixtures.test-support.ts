import type { AccessFixture } from "../../../tests/support/access-fixture.js";
import { demo, type TestContext } from "../../../tests/support/test-app.js";

const missing = "00000000-0000-4000-8000-000000000000";

/** A young person in Halle (06108) with a first consultation and a referral, made through the API as the coordinator. */
export async function halleConsultation(t: TestContext) {
  const coordinator = await t.signIn(demo.coordinator);
  const lastName = `Matrix-${Math.random().toString(36).slice(2, 8)}`;
  const candidate = await t.request("POST", "/api/v1/candidates", {
    as: coordinator,
    body: { firstName: "Samira", lastName, birthDate: "2005-03-14", postalCode: "06108" },
  });
  if (candidate.status !== 201) throw new Error(`fixture candidate: ${candidate.status} ${await candidate.text()}`);
  const { id: candidateId } = (await candidate.json()) as { id: string };
  const res = await t.request("POST", "/api/v1/consultations", {
    as: coordinator,
    body: {
      candidateId,
      kind: "first",
      date: "2026-11-20",
      notes: "Vertrauliche Matrix-Notiz",
      referrals: [{ partnerType: "jobcenter", partnerName: "Jobcenter Matrixstadt" }],
    },
  });
  if (res.status !== 201) throw new Error(`fixture consultation: ${res.status} ${await res.text()}`);
  const consultation = (await res.json()) as { id: string; referrals: { id: string }[] };
  return { candidateId, lastName, id: consultation.id, referralId: consultation.referrals[0]?.id as string };
}

type Made = Awaited<ReturnType<typeof halleConsultation>>;

const consultationRoute = (route: string, params: (made: Made) => Record<string, string>, body?: unknown): AccessFixture => ({
  route,
  make: async (t) => {
    const made = await halleConsultation(t);
    return {
      params: params(made),
      missingParams: { id: missing },
      body,
      districtBound: true,
      secrets: [made.lastName, "Vertrauliche Matrix-Notiz", "Jobcenter Matrixstadt"],
    };
  },
});

export const accessFixtures: AccessFixture[] = [
  consultationRoute("GET /api/v1/consultations/{id}", (m) => ({ id: m.id })),
  consultationRoute("PATCH /api/v1/consultations/{id}", (m) => ({ id: m.id }), { outcome: "Bewerbung geplant" }),
  consultationRoute("DELETE /api/v1/consultations/{id}", (m) => ({ id: m.id })),
  consultationRoute("GET /api/v1/candidates/{id}/consultations", (m) => ({ id: m.candidateId })),
  consultationRoute("PATCH /api/v1/referrals/{id}", (m) => ({ id: m.referralId }), { outcome: "arrived" }),
];
