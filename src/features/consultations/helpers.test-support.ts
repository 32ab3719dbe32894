import { expect } from "vitest";
import type { TestContext } from "../../../tests/support/test-app.js";

/** Shapes and requests the consultation tests share (over HTTP, as the web app sees them). */

export const missing = "00000000-0000-4000-8000-000000000000";
export const day = 86_400_000;

export type Referral = {
  id: string;
  outcome: string;
  referredOn: string;
  followUpOn: string;
  partnerName: string;
  outcomeRecordedAt: string | null;
};
export type Consultation = {
  id: string;
  candidateId: string;
  candidateName: string;
  kind: string;
  date: string;
  userName: string;
  referrals: Referral[];
};
export type FollowUp = { source: string; id: string; title: string; subject: string; due: string; overdue: boolean; href: string };
export type Problem = { errors: Record<string, string[]> };

export const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;

export function consultationRequests(t: TestContext) {
  /** A young person (born 2005) at a postcode, default Halle 06108; returns the id. */
  async function candidate(as: string, firstName: string, lastName: string, postalCode = "06108"): Promise<string> {
    const res = await t.request("POST", "/api/v1/candidates", { as, body: { firstName, lastName, birthDate: "2005-03-14", postalCode } });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const record = (as: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    t.request("POST", "/api/v1/consultations", { as, body, headers });
  async function recordOk(as: string, body: Record<string, unknown>): Promise<Consultation> {
    const res = await record(as, body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Consultation;
  }
  const followUps = async (as: string) => (await json<{ followUps: FollowUp[] }>(t.request("GET", "/api/v1/today", { as }))).followUps;
  return { candidate, record, recordOk, followUps };
}
