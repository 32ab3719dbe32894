import { Alert, Anchor, Card, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { OfferSuggestions } from "../../../features/matching/schema";
import { ApiError } from "../../api/client";
import { CompanyLink } from "../../ui/company-link";
import { formatDay } from "../../ui/days";
import { ProblemAlert } from "../../ui/problem-alert";
import { useCandidateSuggestions } from "./api";
import { OfferMatchingLink } from "./links";
import { MatchDrawer } from "./match-drawer";
import { MatchList } from "./match-list";
import { CommuteCheckAction, InfeasibleList, MatchAction, SuggestionCard } from "./suggestion-parts";

type Offer = OfferSuggestions["items"][number]["offer"];

function OfferDetails({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Text size="sm">
        {offer.occupationName}
        {offer.title ? ` – ${offer.title}` : ""}
      </Text>
      <Text size="sm" c="dimmed">
        {t(`offers.kinds.${offer.kind}`, { defaultValue: offer.kind })} ·{" "}
        {t("matching.match.start", { date: formatDay(offer.startDate, i18n.language) })} ·{" "}
        {[offer.postalCode, offer.city].filter(Boolean).join(" ")}
      </Text>
    </>
  );
}

/** Why there are no suggestions: no matching consent (409) or not in the pipeline (422), in the server's words. */
export function NotMatchable({ error, consentsLink }: { error: unknown; consentsLink?: boolean }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || (error.status !== 409 && error.status !== 422)) return <ProblemAlert error={error} />;
  return (
    <Alert color="yellow" title={t("matching.suggestions.notMatchable")}>
      <Text size="sm">{error.problem.detail}</Text>
      {consentsLink && error.status === 409 && (
        <Anchor component={Link} to="." search={{ tab: "consents" } as never} size="sm" c="dark.9" underline="always">
          {t("matching.suggestions.toConsents")}
        </Anchor>
      )}
    </Alert>
  );
}

/**
 * The "Matching" tab of a young person: their matches, then the places that fit best, each with its
 * score bars per criterion, reasons and legal flags; the places a hard limit rules out collapsed below.
 */
export function CandidateMatching({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const suggestions = useCandidateSuggestions(candidateId);
  const data = suggestions.data;
  const name = (o: Offer) => `${o.companyName}, ${o.occupationName}`;
  return (
    <Stack gap="md">
      <MatchList filter={{ candidateId }} side="candidate" />
      <Card withBorder component="section" aria-labelledby="suggestions-heading">
        <Title order={2} size="h4" id="suggestions-heading">
          {t("matching.suggestions.placesTitle")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("matching.suggestions.placesIntro")}
        </Text>
        {suggestions.error && <NotMatchable error={suggestions.error} consentsLink />}
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
            {t("matching.suggestions.noPlaces")}
          </Text>
        )}
        {data && data.items.length > 0 && (
          <Stack component="ol" gap="sm" p={0} m={0} mb="sm" aria-label={t("matching.suggestions.rankedPlaces")}>
            {data.items.map((s, i) => (
              <SuggestionCard
                key={s.offerId}
                rank={i + 1}
                heading={
                  <CompanyLink id={s.offer.companyId} inherit>
                    {s.offer.companyName}
                  </CompanyLink>
                }
                details={<OfferDetails offer={s.offer} />}
                score={s.score}
                reasons={s.reasons}
                flags={s.flags}
                actions={
                  <>
                    <MatchAction candidateId={candidateId} offerId={s.offerId} matchId={s.matchId} name={name(s.offer)} />
                    <OfferMatchingLink
                      id={s.offerId}
                      size="sm"
                      aria-label={t("matching.suggestions.otherCandidatesFor", { name: name(s.offer) })}
                    >
                      {t("matching.suggestions.otherCandidates")}
                    </OfferMatchingLink>
                    <CommuteCheckAction candidateId={candidateId} offerId={s.offerId} reasons={s.reasons} name={name(s.offer)} />
                  </>
                }
              />
            ))}
          </Stack>
        )}
        {data && (
          <InfeasibleList
            label={t("matching.suggestions.placesExcluded", { count: data.infeasible.length })}
            items={data.infeasible.map((x) => ({
              key: x.offerId,
              heading: (
                <CompanyLink id={x.offer.companyId} inherit>
                  {x.offer.companyName}
                </CompanyLink>
              ),
              details: <OfferDetails offer={x.offer} />,
              reasons: x.reasons,
              action: <CommuteCheckAction candidateId={candidateId} offerId={x.offerId} reasons={x.reasons} name={name(x.offer)} />,
            }))}
          />
        )}
      </Card>
      <MatchDrawer />
    </Stack>
  );
}
