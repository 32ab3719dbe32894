import { Badge, type BadgeProps, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CandidateRow } from "../../../features/candidates/schema";
import { type CandidateStatus, statusColors } from "./constants";

export function CandidateStatusBadge({ status, ...props }: { status: CandidateStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColors[status]} {...props}>
      {t(`candidates.statuses.${status}`)}
    </Badge>
  );
}

/** What the valid consents allow: counselling, matching, and a waiting online consent. */
export function ConsentBadges({ consent, size = "sm" }: { consent: CandidateRow["consent"]; size?: BadgeProps["size"] }) {
  const { t } = useTranslation();
  const none = !consent.counselling && !consent.matching && !consent.unconfirmed;
  return (
    <Group gap={4}>
      {consent.counselling && (
        <Badge size={size} variant="light" color="teal">
          {t("candidates.consentBadges.counselling")}
        </Badge>
      )}
      {consent.matching && (
        <Badge size={size} variant="light" color="indigo">
          {t("candidates.consentBadges.matching")}
        </Badge>
      )}
      {consent.unconfirmed && (
        <Badge size={size} variant="outline" color="orange.9" style={{ whiteSpace: "normal", height: "auto" }}>
          {t("candidates.consentBadges.unconfirmed")}
        </Badge>
      )}
      {none && (
        <Badge size={size} variant="outline" color="gray.7">
          {t("candidates.consentBadges.none")}
        </Badge>
      )}
    </Group>
  );
}
