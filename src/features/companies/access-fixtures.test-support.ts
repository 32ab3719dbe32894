import type { AccessFixture } from "../../../tests/support/access-fixture.js";
import { demo, type TestContext } from "../../../tests/support/test-app.js";

const missing = "00000000-0000-4000-8000-000000000000";

/** A company in Halle (06108) with a contact and an activity, made through the API as the coordinator. */
export async function halleCompany(t: TestContext) {
  const coordinator = await t.signIn(demo.coordinator);
  const name = `Matrix-Tischlerei ${Math.random().toString(36).slice(2, 8)}`;
  const res = await t.request("POST", "/api/v1/companies", {
    as: coordinator,
    body: { name, postalCode: "06108", confirmNotDuplicate: true },
  });
  if (res.status !== 201) throw new Error(`fixture company: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const contact = (await (
    await t.request("POST", `/api/v1/companies/${id}/contacts`, {
      as: coordinator,
      body: { name: "Klara Kontakt", email: "klara@matrix.example" },
    })
  ).json()) as { id: string };
  const activity = (await (
    await t.request("POST", `/api/v1/companies/${id}/activities`, {
      as: coordinator,
      body: { kind: "call", occurredOn: "2026-11-20", summary: "Erstes Gespräch", nextStep: "Besuch planen", nextStepDue: "2026-11-30" },
    })
  ).json()) as { id: string };
  return { id, name, contactId: contact.id, activityId: activity.id };
}

const companyRoute = (route: string, body?: (made: Awaited<ReturnType<typeof halleCompany>>) => unknown): AccessFixture => ({
  route,
  make: async (t) => {
    const made = await halleCompany(t);
    return {
      params: { id: made.id, contactId: made.contactId, activityId: made.activityId },
      missingParams: { id: missing, contactId: missing, activityId: missing },
      body: body?.(made),
      districtBound: true,
      secrets: [made.name, "Klara Kontakt", "klara@matrix.example"],
    };
  },
});

export const accessFixtures: AccessFixture[] = [
  companyRoute("GET /api/v1/companies/{id}"),
  companyRoute("PATCH /api/v1/companies/{id}", () => ({ sector: "Holz" })),
  companyRoute("DELETE /api/v1/companies/{id}"),
  companyRoute("POST /api/v1/companies/{id}/stage", () => ({ stage: "informed" })),
  companyRoute("GET /api/v1/companies/{id}/history"),
  {
    route: "POST /api/v1/companies/{id}/merge",
    make: async (t) => {
      const target = await halleCompany(t);
      const other = await halleCompany(t);
      return {
        params: { id: target.id },
        missingParams: { id: missing },
        body: { otherId: other.id },
        districtBound: true,
        secrets: [target.name, other.name],
      };
    },
  },
  companyRoute("GET /api/v1/companies/{id}/contacts"),
  companyRoute("POST /api/v1/companies/{id}/contacts", () => ({ name: "Neue Person" })),
  companyRoute("PUT /api/v1/companies/{id}/contacts/{contactId}", () => ({ name: "Klara Kontakt-Neu" })),
  companyRoute("DELETE /api/v1/companies/{id}/contacts/{contactId}"),
  companyRoute("GET /api/v1/companies/{id}/activities"),
  companyRoute("POST /api/v1/companies/{id}/activities", () => ({ kind: "note", occurredOn: "2026-11-21", summary: "Notiz" })),
  companyRoute("PATCH /api/v1/companies/{id}/activities/{activityId}", () => ({ nextStepDone: true })),
];
