import { Badge, type BadgeProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Stage, stages as serverStages } from "../../features/companies/schema";

/**
 * The acquisition stages of a company, in board order. Repeated here because a value import of the
 * schema would pull zod into the browser bundle; the type keeps both lists equal.
 */
export const stages: typeof serverStages = ["contacted", "informed", "interested", "needs_profiled", "training", "paused", "declined"];
export type { Stage };

/** One colour per stage, for badges, board columns and map markers alike. */
export const stageColors: Record<Stage, string> = {
  contacted: "gray",
  informed: "blue",
  interested: "cyan",
  needs_profiled: "violet",
  training: "green",
  paused: "orange",
  declined: "red",
};

/** A marker's fill: dark enough against the light map for 3:1 (WCAG 1.4.11). */
export const stageFill = (stage: Stage) => `var(--mantine-color-${stageColors[stage]}-8)`;

export const isStage = (v: unknown): v is Stage => typeof v === "string" && (stages as readonly string[]).includes(v);

export function StageBadge({ stage, ...props }: { stage: Stage } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={stageColors[stage]} {...props}>
      {t(`stages.${stage}`)}
    </Badge>
  );
}
