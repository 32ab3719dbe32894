import { Anchor, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../ui/page-header";

/** Credits the licences of the shipped reference data require (see data/ATTRIBUTION.md). */
export function AboutPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={820}>
      <PageHeader title={t("about.title")} intro={t("about.intro")} />
      <List spacing="sm">
        <List.Item>
          <Text fw={600}>Postleitzahlen, Orte, Koordinaten</Text>
          <Text size="sm">
            © GeoNames, <Anchor href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</Anchor>; aufbereitet von
            zauberware/postal-codes-json-xml-csv.
          </Text>
        </List.Item>
        <List.Item>
          <Text fw={600}>Kreisgrenzen (Landkreise und kreisfreie Städte)</Text>
          <Text size="sm">
            © GeoBasis-DE / BKG (2016),{" "}
            <Anchor href="https://www.govdata.de/dl-de/by-2-0">Datenlizenz Deutschland – Namensnennung – 2.0</Anchor>; vereinfacht.
          </Text>
        </List.Item>
        <List.Item>
          <Text fw={600}>Bahnhöfe</Text>
          <Text size="sm">
            © DB Station&amp;Service AG, <Anchor href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</Anchor>; über das Paket
            db-stations.
          </Text>
        </List.Item>
        <List.Item>
          <Text fw={600}>Ausbildungsberufe</Text>
          <Text size="sm">
            Ausbildungsordnungen des Bundes (amtliche Werke, gemeinfrei); Berufsgruppen nach der Klassifikation der Berufe 2010 der
            Bundesagentur für Arbeit.
          </Text>
        </List.Item>
      </List>
    </Stack>
  );
}
