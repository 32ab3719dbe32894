import { useTranslation } from "react-i18next";
import type { ChainStep, DeadlineRule, LeadActor } from "../../../features/chains/schema";

/**
 * The rules of a step in words, in the reader's language: "spätestens 8 Wochen vor Ausbildungsbeginn",
 * "Nur bei: Duldung", "Federführend: Ausländerbehörde (ABH)".
 */
export function useChainText() {
  const { t } = useTranslation();
  const actor = (a: LeadActor) => t(`chains.actors.${a}`);
  const anchor = (rule: Pick<DeadlineRule, "anchor" | "stage">) =>
    rule.anchor === "match_stage"
      ? t("chains.deadline.anchors.match_stage", { stage: rule.stage ? t(`matching.stages.${rule.stage}`) : "–" })
      : t(`chains.deadline.anchors.${rule.anchor}`);
  /** The rule alone: "frühestens 7 Kalendermonate vor Ausbildungsbeginn". */
  const rule = (r: DeadlineRule) =>
    r.amount === 0
      ? t("chains.deadline.ruleZero", { kind: t(`chains.deadline.kinds.${r.kind}`), anchor: anchor(r) })
      : t("chains.deadline.rule", {
          kind: t(`chains.deadline.kinds.${r.kind}`),
          amount: r.amount,
          unit: t(`chains.deadline.units.${r.unit}`, { count: r.amount }),
          direction: t(`chains.deadline.directions.${r.direction}`),
          anchor: anchor(r),
        });
  /** With its label where it has one: "Antrag frühestens: frühestens 7 Kalendermonate vor Ausbildungsbeginn". */
  const labelledRule = (r: DeadlineRule) => (r.label ? t("chains.deadline.labelled", { label: r.label, rule: rule(r) }) : rule(r));
  /** When a step applies, one sentence per condition; none: "Gilt immer". */
  const conditions = (c: ChainStep["conditions"]): string[] => {
    const parts: string[] = [];
    if (c.residenceStatuses?.length) {
      parts.push(t("chains.conditions.residence", { list: c.residenceStatuses.map((s) => t(`residence.statuses.${s}`)).join(", ") }));
    }
    if (c.placeKinds?.length) {
      parts.push(t("chains.conditions.placeKinds", { list: c.placeKinds.map((k) => t(`offers.kinds.${k}`)).join(", ") }));
    }
    if (c.under18 === true) parts.push(t("chains.conditions.under18"));
    if (c.under18 === false) parts.push(t("chains.conditions.adult"));
    return parts.length ? parts : [t("chains.conditions.always")];
  };
  const districts = (names: string[], codes: string[] | null) => (codes === null ? t("chains.allDistricts") : names.join(", "));
  return { actor, rule, labelledRule, conditions, districts };
}
