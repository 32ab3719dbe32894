import type { AccessFixture } from "../../../tests/support/access-fixture.js";

const halleCounsellor = async (t: Parameters<AccessFixture["make"]>[0]) => {
  const email = `matrix.${Math.random().toString(36).slice(2, 10)}@test.example`;
  const id = await t.addAccount({ email, displayName: "Matrix Halle", role: "counsellor", districts: ["15002"] });
  return { id, email };
};
const missingId = "00000000-0000-4000-8000-000000000000";

export const accessFixtures: AccessFixture[] = [
  {
    route: "GET /api/v1/users/{id}",
    make: async (t) => {
      const { id, email } = await halleCounsellor(t);
      return { params: { id }, missingParams: { id: missingId }, districtBound: true, secrets: [email, "Matrix Halle"] };
    },
  },
  {
    route: "PATCH /api/v1/users/{id}",
    make: async (t) => {
      const { id, email } = await halleCounsellor(t);
      return {
        params: { id },
        missingParams: { id: missingId },
        body: { displayName: "Matrix Halle" },
        districtBound: true,
        secrets: [email],
      };
    },
  },
  {
    route: "POST /api/v1/users/{id}/password-reset",
    make: async (t) => {
      const { id, email } = await halleCounsellor(t);
      return {
        params: { id },
        missingParams: { id: missingId },
        body: { newPassword: "Matrix-Passwort-2026" },
        districtBound: true,
        secrets: [email],
      };
    },
  },
];
