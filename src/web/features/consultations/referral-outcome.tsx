import { Select } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Referral, ReferralUpdate } from "../../../features/consultations/schema";
import { api } from "../../api/client";
import { notify } from "../candidates/notify";
import { useRefreshConsultations } from "./api";
import { referralOutcomes } from "./constants";

/** The outcome of a referral, set in place: did the young person arrive at the partner? */
export function ReferralOutcomeSelect({ referral, size = "xs" }: { referral: Referral; size?: "xs" | "sm" }) {
  const { t } = useTranslation();
  const refresh = useRefreshConsultations();
  // The messages belong to the mutation, not to this call: a closed referral leaves the open list at once.
  const update = useMutation({
    mutationFn: (u: ReferralUpdate) => api<Referral>("PATCH", `/api/v1/referrals/${referral.id}`, u),
    onSuccess: (r) => notify(t("consultations.outcome.saved", { outcome: t(`consultations.outcomes.${r.outcome}`) })),
    onError: (e) => notify(e.message, { color: "red", title: t("error.title") }),
    onSettled: refresh,
  });
  return (
    <Select
      aria-label={t("consultations.outcome.label", { name: referral.partnerName })}
      size={size}
      w={170}
      value={referral.outcome}
      data={referralOutcomes.map((o) => ({ value: o, label: t(`consultations.outcomes.${o}`) }))}
      allowDeselect={false}
      disabled={update.isPending}
      comboboxProps={{ withinPortal: true }}
      onChange={(x) => {
        if (x && x !== referral.outcome) update.mutate({ outcome: x as Referral["outcome"] });
      }}
    />
  );
}
