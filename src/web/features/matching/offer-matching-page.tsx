import { Anchor, Badge, Card, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CandidateSuggestions } from "../../../features/matching/schema";
import type { Offer } from "../../../features/offers/schema";
import { api } from "../../api/client";
import { CompanyLink } from "../../ui/company-link";
import { formatDay } from "../../ui/days";
import { ErrorPage } from "../../ui/error-page";
import { PageHeader } from "../../ui/page-header";
import { statusColors } from "../offers/constants";
import { useOfferSuggestions } from "./api";
import { NotMatchable } from "./candidate-matching";
import { PersonMatchingLink } from "./links";
import { MatchDrawer } from "./match-drawer";
import { MatchList } from "./match-list";
import { CommuteCheckAction, InfeasibleList, MatchAction, SuggestionCard } from "./suggestion-parts";

type Person = CandidateSuggestions["items"][number]["candidate"];

function PersonLink({ id, person }: { id: string; person: Person }) {
  return (
    <PersonMatchingLink id={id} inherit>
      {person.name}
    </PersonMatchingLink>
  );
}

function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation();
  const place = [person.postalCode, person.city].filter(Boolean).join(" ");
  return (
    <Text size="sm" c="dimmed">
      {[place, person.germanLevel ? t("matching.offer.german", { level: person.germanLevel }) : null].filter(Boolean).join(" · ")}
    </Text>
  );
}

/**
 * One place and the young people who fit it best, in the same form as a person's suggestions:
 * score bars per criterion, reasons, legal flags, "Match anlegen"; those ruled out collapsed below.
 */
export function OfferMatchingPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const offer = useQuery({ queryKey: ["offers", "detail", id], queryFn: () => api<Offer>("GET", `/api/v1/offers/${id}`) });
  const suggestions = useOfferSuggestions(id);
  if (offer.error) return <ErrorPage error={offer.error} />;
  const o = offer.data;
  if (!o) {
    return (
      <Center mih="40vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  const data = suggestions.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/ausbildungsplaetze" size="sm">
        {t("matching.offer.back")}
      </Anchor>
      <PageHeader title={t("matching.offer.title", { occupation: o.occupationName })} />
      <Group gap="xs" mt={-8}>
        <CompanyLink id={o.companyId} fw={600}>
          {o.companyName}
        </CompanyLink>
        <Badge variant="light" color={statusColors[o.status]}>
          {t(`offers.statuses.${o.status}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {[
            t(`offers.kinds.${o.kind}`),
            o.title,
            t("offers.placesValue", { count: o.places }),
            t("matching.match.start", { date: formatDay(o.startDate, i18n.language) }),
            [o.postalCode, o.city].filter(Boolean).join(" "),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      </Group>
      <MatchList filter={{ offerId: id }} side="offer" />
      <Card withBorder component="section" aria-labelledby="suggestions-heading">
        <Title order={2} size="h4" id="suggestions-heading">
          {t("matching.offer.peopleTitle")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("matching.offer.peopleIntro")}
        </Text>
        {suggestions.error && <NotMatchable error={suggestions.error} />}
        {suggestions.isPending && (
          <Center mih={120}>
            <Loader aria-label={t("common.loading")} />
          </Center>
        )}
        {data && !data.legalFacts && (
          <Text size="sm" c="dimmed" mb="xs">
            {t("matching.suggestions.noLegalFacts")}
          </Text>
        )}
        {data && data.items.length === 0 && (
          <Text size="sm" mb="xs">
            {t("matching.offer.noPeople")}
          </Text>
        )}
        {data && data.items.length > 0 && (
          <Stack component="ol" gap="sm" p={0} m={0} mb="sm" aria-label={t("matching.offer.rankedPeople")}>
            {data.items.map((s, i) => (
              <SuggestionCard
                key={s.candidateId}
                rank={i + 1}
                heading={<PersonLink id={s.candidateId} person={s.candidate} />}
                details={<PersonDetails person={s.candidate} />}
                score={s.score}
                reasons={s.reasons}
                flags={s.flags}
                actions={
                  <>
                    <MatchAction candidateId={s.candidateId} offerId={id} matchId={s.matchId} name={s.candidate.name} />
                    <CommuteCheckAction candidateId={s.candidateId} offerId={id} reasons={s.reasons} name={s.candidate.name} />
                  </>
                }
              />
            ))}
          </Stack>
        )}
        {data && (
          <InfeasibleList
            label={t("matching.offer.peopleExcluded", { count: data.infeasible.length })}
            items={data.infeasible.map((x) => ({
              key: x.candidateId,
              heading: <PersonLink id={x.candidateId} person={x.candidate} />,
              details: <PersonDetails person={x.candidate} />,
              reasons: x.reasons,
              action: <CommuteCheckAction candidateId={x.candidateId} offerId={id} reasons={x.reasons} name={x.candidate.name} />,
            }))}
          />
        )}
      </Card>
      <MatchDrawer />
    </Stack>
  );
}
