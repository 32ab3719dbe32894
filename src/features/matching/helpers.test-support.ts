import pino from "pino";
import { expect } from "vitest";
import type { TestContext } from "../../../tests/support/test-app.js";
import { createJobRunner } from "../jobs/runner.js";
import { readOccupationCatalogue } from "../occupations/service.js";

/** Requests the matching tests share: real postcodes and real occupations, over HTTP as the web app sends them. */

export const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const catalogue = new Map(readOccupationCatalogue().occupations.map((o) => [o.name, o.id]));
export const occupationId = (name: string) => {
  const id = catalogue.get(name);
  if (!id) throw new Error(`no occupation ${name}`);
  return id;
};

export type Reason = { criterion: string; code: string; score?: number; message: string };
export type Flag = { code: string; message: string; dueDate?: string };
export type OfferSuggestions = {
  items: { offerId: string; score: number; reasons: Reason[]; flags: Flag[]; matchId: string | null }[];
  infeasible: { offerId: string; reasons: Reason[] }[];
  legalFacts: boolean;
};
export type CandidateSuggestions = {
  items: { candidateId: string; score: number; reasons: Reason[]; flags: Flag[] }[];
  infeasible: { candidateId: string; reasons: Reason[] }[];
};

export function matchingRequests(t: TestContext) {
  async function ok<T>(res: Promise<Response>, status: number): Promise<T> {
    const r = await res;
    expect(r.status, await r.clone().text()).toBe(status);
    return (await r.json()) as T;
  }
  let n = 0;
  const company = async (as: string, name: string, postalCode: string, contactEmail?: string) => {
    const { id } = await ok<{ id: string }>(
      t.request("POST", "/api/v1/companies", { as, body: { name, postalCode, confirmNotDuplicate: true } }),
      201,
    );
    if (contactEmail) {
      await ok(t.request("POST", `/api/v1/companies/${id}/contacts`, { as, body: { name: "Frau Meister", email: contactEmail } }), 201);
    }
    return id;
  };
  const offer = async (as: string, companyId: string, occupation: string, over: Record<string, unknown> = {}) =>
    (
      await ok<{ id: string }>(
        t.request("POST", "/api/v1/offers", {
          as,
          body: { companyId, kind: "training", occupationId: occupationId(occupation), places: 1, startDate: "2027-08-01", ...over },
        }),
        201,
      )
    ).id;
  /** A young person with a matching consent (paper, so valid at once); `consent: false` leaves it out. */
  const person = async (
    as: string,
    postalCode: string,
    wishes: string[],
    over: Record<string, unknown> = {},
    consent: string[] | false = [],
  ) => {
    n++;
    const { id } = await ok<{ id: string }>(
      t.request("POST", "/api/v1/candidates", {
        as,
        body: {
          firstName: "Test",
          lastName: `Person ${n}`,
          birthDate: "2004-05-01",
          postalCode,
          germanLevel: "B1",
          schoolCertificate: "lower_secondary",
          hasCar: true,
          hasDrivingLicence: true,
          maxCommuteKm: 50,
          availableFrom: "2027-01-01",
          desiredOccupationIds: wishes.map(occupationId),
          ...over,
        },
      }),
      201,
    );
    if (consent !== false) {
      const recipients = consent;
      const purposes = ["counselling", "matching", ...(recipients.length ? ["share_with_company"] : [])];
      await ok(t.request("POST", `/api/v1/candidates/${id}/consents`, { as, body: { purposes, recipients } }), 201);
    }
    return id;
  };
  const residence = (as: string, id: string, body: Record<string, unknown>) =>
    ok(t.request("PUT", `/api/v1/candidates/${id}/residence`, { as, body }), 200);
  const forCandidate = (as: string, id: string, headers?: Record<string, string>) =>
    ok<OfferSuggestions>(t.request("GET", `/api/v1/candidates/${id}/suggestions?limit=20`, { as, headers }), 200);
  const forOffer = (as: string, id: string) =>
    ok<CandidateSuggestions>(t.request("GET", `/api/v1/offers/${id}/suggestions?limit=20`, { as }), 200);
  const runJobs = () => createJobRunner({ db: t.db, config: t.config, log: pino({ level: "silent" }), now: () => t.clock.now }).drainJobs();
  return { ok, company, offer, person, residence, forCandidate, forOffer, runJobs };
}
