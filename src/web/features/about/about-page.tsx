import { Anchor, List, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../ui/page-header";

const ccBy = "https://creativecommons.org/licenses/by/4.0/";

/** Credits the licences of the shipped reference data require (see data/ATTRIBUTION.md). Names of sources and licences stay as their owners write them. */
export function AboutPage() {
  const { t } = useTranslation();
  const item = (title: string, credit: ReactNode) => (
    <List.Item>
      <Title order={2} size="h5">
        {title}
      </Title>
      <Text size="sm">{credit}</Text>
    </List.Item>
  );
  return (
    <Stack maw={820}>
      <PageHeader title={t("about.title")} intro={t("about.intro")} />
      <List spacing="sm">
        {item(
          t("about.postcodes"),
          <>
            © GeoNames, <Anchor href={ccBy}>CC BY 4.0</Anchor>; {t("about.preparedBy")} zauberware/postal-codes-json-xml-csv.
          </>,
        )}
        {item(
          t("about.districts"),
          <>
            © GeoBasis-DE / BKG (2016),{" "}
            <Anchor href="https://www.govdata.de/dl-de/by-2-0">Datenlizenz Deutschland – Namensnennung – 2.0</Anchor>;{" "}
            {t("about.simplified")}.
          </>,
        )}
        {item(
          t("about.stations"),
          <>
            © DB Station&amp;Service AG, <Anchor href={ccBy}>CC BY 4.0</Anchor>; {t("about.viaPackage")} db-stations.
          </>,
        )}
        {item(t("about.occupations"), t("about.occupationsCredit"))}
      </List>
    </Stack>
  );
}
