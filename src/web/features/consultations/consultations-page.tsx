import { Stack, Tabs } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../ui/page-header";
import { fromSearch } from "../../ui/search-params";
import { ConsultationList } from "./consultation-list";
import { ReferralList } from "./referral-list";

/** "Beratungen": the consultations across young people, and the referrals to follow up. The tab and filters live in the address. */
export function ConsultationsPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const tab = fromSearch(search, ["tab"]).tab === "referrals" ? "referrals" : "consultations";
  return (
    <Stack gap="sm">
      <PageHeader title={t("consultations.title")} intro={t("consultations.intro")} />
      <Tabs
        value={tab}
        onChange={(next) => navigate({ to: ".", search: (next === "referrals" ? { tab: "referrals" } : {}) as never, replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t("consultations.views")}>
          <Tabs.Tab value="consultations">{t("consultations.tabConsultations")}</Tabs.Tab>
          <Tabs.Tab value="referrals">{t("consultations.tabReferrals")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="consultations" pt="md">
          <ConsultationList />
        </Tabs.Panel>
        <Tabs.Panel value="referrals" pt="md">
          <ReferralList />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
