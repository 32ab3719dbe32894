import { berlinDate } from "../../lib/berlin-date.js";
import type { Ctx } from "../../lib/context.js";
import { contentWidth, fontSizes, type PdfContent, para, renderPdf } from "../../lib/pdf.js";
import { formatConsentDate } from "../privacy/consent-pdf.js";
import { germanDate, stageLabels } from "./deadlines.js";
import { actorLabels, handoutTexts, placeKindLabelsDe, residenceLabelsDe } from "./handout-texts.js";
import { runDetail } from "./runs.js";
import type { DeadlineRule, HandoutLanguage } from "./schema.js";
import { findSteps, type StepRow } from "./step-repository.js";
import { districtNames } from "./steps.js";
import { requireTemplate } from "./templates.js";

/**
 * Printable handouts. For the counsellor and the company (German): the template as a numbered path with who
 * leads, what happens, the papers, the deadlines, the legal basis and the district's offices, then the list of
 * offices. For the young person: the steps of their own run that concern them, in their language, plain words.
 */

const units: Record<DeadlineRule["unit"], [string, string]> = {
  calendar_months: ["Kalendermonat", "Kalendermonate"],
  weeks: ["Woche", "Wochen"],
  days: ["Tag", "Tage"],
};

/** A rule in words: "Antrag frühestens: 7 Kalendermonate vor Beginn der Ausbildung". */
export function ruleText(rule: DeadlineRule): string {
  const head = rule.label ?? (rule.kind === "at_latest" ? "Spätestens" : "Frühestens");
  const [one, many] = units[rule.unit];
  const anchor =
    rule.anchor === "training_start"
      ? "Beginn der Ausbildung"
      : rule.anchor === "training_end"
        ? "Ende der Ausbildung"
        : rule.anchor === "match_stage"
          ? `Erreichen der Stufe „${stageLabels[rule.stage ?? "contract"]}“`
          : "Abschluss des vorigen Schritts";
  const amount =
    rule.amount === 0 ? "zum" : `${rule.amount} ${rule.amount === 1 ? one : many} ${rule.direction === "before" ? "vor" : "nach"}`;
  return `${head}: ${amount} ${anchor}`;
}

function conditionText(s: StepRow): string | null {
  const parts: string[] = [];
  if (s.condition_residence) parts.push(`bei ${s.condition_residence.map((r) => residenceLabelsDe[r] ?? r).join(", ")}`);
  if (s.condition_place_kinds) parts.push(`bei ${s.condition_place_kinds.map((k) => placeKindLabelsDe[k] ?? k).join(", ")}`);
  if (s.condition_under18 === true) parts.push("unter 18 bei Beginn");
  if (s.condition_under18 === false) parts.push("ab 18 bei Beginn");
  return parts.length ? `Nur ${parts.join("; ")}` : null;
}

const row = (label: string, value: string | null | undefined): PdfContent[] =>
  value ? [para(`${label}: ${value}`, { margin: [14, 1, 0, 1] })] : [];

export async function templateHandout(ctx: Ctx, id: string): Promise<Buffer> {
  const t = await requireTemplate(ctx, id);
  const steps = await findSteps(ctx.db, [id]);
  const status = { draft: "Entwurf", published: "veröffentlicht", retired: "abgelöst" }[t.status];
  const content: PdfContent[] = [
    para("KAUSA Servicestelle · Prozesskette", { fontSize: fontSizes.small, color: "#555555" }),
    para(t.name, { fontSize: fontSizes.title, bold: true, margin: [0, 4, 0, 2] }),
    para(`${districtNames(t.districts).join(", ")} · Fassung ${t.version} (${status}) · gültig ab ${germanDate(t.valid_from)}`, {
      fontSize: fontSizes.small,
      margin: [0, 0, 0, 8],
    }),
  ];
  for (const s of steps) {
    const who = [s.lead_actor, ...s.supporting_actors].map((a) => actorLabels[a] ?? a);
    content.push({
      stack: [
        para(`${s.position}. ${s.title}`, { bold: true, fontSize: fontSizes.heading, margin: [0, 8, 0, 2] }),
        ...row("Wer", `${who[0]}${who.length > 1 ? ` (mit ${who.slice(1).join(", ")})` : ""}`),
        ...row("Was", s.description),
        ...row("Unterlagen", s.documents.join("; ")),
        ...row("Fristen", (s.deadlines as DeadlineRule[]).map(ruleText).join("; ")),
        ...row("Rechtsgrundlage", s.legal_basis),
        ...row("Gilt", conditionText(s)),
        ...row("Stelle", [s.organisation_name, s.organisation_contact].filter(Boolean).join(" · ")),
        ...row("Dauer (üblich)", s.typical_duration_days ? `${s.typical_duration_days} Tage` : null),
      ],
      unbreakable: true,
    });
  }
  const offices = [
    ...new Map(steps.filter((s) => s.organisation_name).map((s) => [s.organisation_name, s.organisation_contact])).entries(),
  ];
  if (offices.length) {
    content.push(para("Stellen im Kreis", { bold: true, fontSize: fontSizes.heading, margin: [0, 14, 0, 4] }));
    for (const [name, contact] of offices) content.push(para(`• ${name}${contact ? ` – ${contact}` : ""}`, { margin: [6, 1, 0, 1] }));
  }
  content.push(
    para("Rechtliches ist hier ein Hinweis mit Frist, keine Entscheidung: im Zweifel mit der zuständigen Stelle klären.", {
      fontSize: fontSizes.small,
      color: "#555555",
      margin: [0, 12, 0, 0],
    }),
  );
  const today = germanDate(berlinDate(ctx.now));
  return renderPdf({
    language: "de",
    info: { title: t.name, subject: "Prozesskette" },
    content,
    footer: (current: number, total: number) =>
      para(`${t.name} · Stand ${today} · ${current}/${total}`, { fontSize: fontSizes.small, color: "#555555", margin: [50, 20, 50, 0] }),
  });
}

/** The young person's handout: their run's steps that concern them, in their language (or the one asked for). */
export async function candidateHandout(ctx: Ctx, runId: string, language?: HandoutLanguage): Promise<Buffer> {
  const run = await runDetail(ctx, runId);
  const lang = language ?? run.language;
  const t = handoutTexts[lang];
  const dir = t.dir;
  const date = (iso: string) => formatConsentDate(iso, lang);
  const content: PdfContent[] = [
    para(t.title, { dir, fontSize: fontSizes.title, bold: true }),
    para(run.candidateName, { dir: "auto", bold: true, margin: [0, 4, 0, 0], alignment: dir === "rtl" ? "right" : "left" }),
    para(
      t.place.replace("{occupation}", run.occupationName).replace("{company}", run.companyName).replace("{date}", date(run.trainingStart)),
      {
        dir,
        margin: [0, 2, 0, 6],
      },
    ),
    para(t.intro, { dir, margin: [0, 0, 0, 8] }),
  ];
  const steps = run.steps.filter((s) => s.candidateFacing && s.status !== "not_needed");
  steps.forEach((s, i) => {
    const own = s.code ? t.steps[s.code] : null;
    const lines: PdfContent[] = [
      para(`${i + 1}. ${own ? own.title : `${s.title} ${t.germanOnly}`}${s.status === "done" ? ` – ${t.done}` : ""}`, {
        dir,
        bold: true,
        margin: [0, 8, 0, 2],
      }),
    ];
    if (own) lines.push(para(own.text, { dir }));
    if (s.earliestDate) lines.push(para(`${t.from}: ${date(s.earliestDate)}`, { dir }));
    if (s.dueDate) lines.push(para(`${t.due}: ${date(s.dueDate)}`, { dir, bold: s.status !== "done" }));
    if (s.organisationName) lines.push(para(`${t.where}: ${s.organisationName}`, { dir }));
    if (s.documents.length) lines.push(para(`${t.bring}: ${s.documents.join("; ")}`, { dir }));
    content.push({ stack: lines, unbreakable: true });
  });
  return renderPdf({
    language: lang,
    info: { title: `${t.title} – ${run.candidateName}`, subject: t.title },
    content,
    footer: (current: number, total: number) =>
      para(`${t.footer} · ${current}/${total}`, {
        dir,
        fontSize: fontSizes.small,
        color: "#555555",
        margin: [50, 20, 50, 0],
        width: contentWidth,
      }),
  });
}
