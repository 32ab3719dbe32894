import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { ActionIcon, Box, Center, Group, Loader, Paper, Select, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Match } from "../../../features/matching/schema";
import { formatDay } from "../../ui/days";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { fromSearch, toSearch } from "../../ui/search-params";
import { columnUnder } from "../companies/board-dnd";
import { useMatchBoard } from "./api";
import { stageByStage } from "./board-dnd";
import { isMatchStage, type MatchStage, matchStageColors, matchStages } from "./constants";
import { MatchDrawer, useMatchParam } from "./match-drawer";
import { daysSince, matchName } from "./match-text";
import { MatchingViews } from "./matching-views";
import { MatchStageMenu, type MovableMatch, useMatchMove } from "./stage-move";
import { useMyDistricts } from "./use-my-districts";

const columnWidth = 220;

function BoardCard({ match, onMove }: { match: Match; onMove: (to: MatchStage) => void }) {
  const { t, i18n } = useTranslation();
  const { open } = useMatchParam();
  const name = matchName(match);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: match.id,
    data: { stage: match.stage, name },
    attributes: { roleDescription: t("matching.board.draggable") },
  });
  const movable: MovableMatch = { id: match.id, name, stage: match.stage };
  return (
    <Paper
      component="li"
      ref={setNodeRef}
      withBorder
      p="xs"
      shadow={isDragging ? "md" : undefined}
      data-match={match.id}
      style={{
        listStyle: "none",
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        zIndex: isDragging ? 10 : undefined,
        position: "relative",
      }}
    >
      <UnstyledButton
        onClick={() => open(match.id)}
        fw={600}
        fz="sm"
        c="var(--mantine-color-anchor)"
        td="underline"
        style={{ overflowWrap: "anywhere", textAlign: "start" }}
        aria-label={t("matching.board.openCard", { name })}
      >
        {match.candidateName}
      </UnstyledButton>
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {match.companyName}
      </Text>
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap={4} mt={2}>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="xs" style={{ overflowWrap: "anywhere" }}>
            {match.occupationName}
          </Text>
          <Text size="xs" c="dimmed">
            {t("matching.match.start", { date: formatDay(match.startDate, i18n.language) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t("matching.match.inStage", { count: daysSince(match.stageChangedAt) })}
          </Text>
        </Stack>
        <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            size="sm"
            {...attributes}
            {...listeners}
            aria-label={t("matching.board.handle", { name })}
            style={{ cursor: "grab", touchAction: "none" }}
          >
            <span aria-hidden="true">⠿</span>
          </ActionIcon>
          <MatchStageMenu
            match={movable}
            onMove={onMove}
            target={
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t("matching.move.menuFor", { name })}>
                <span aria-hidden="true">⋮</span>
              </ActionIcon>
            }
          />
        </Group>
      </Group>
    </Paper>
  );
}

function Column({
  stage,
  count,
  cards,
  onMove,
}: {
  stage: MatchStage;
  count: number;
  cards: Match[];
  onMove: (m: Match, to: MatchStage) => void;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const headingId = `match-column-${stage}`;
  const color = matchStageColors[stage];
  return (
    <Box
      component="section"
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-stage={stage}
      p="xs"
      style={{
        flex: `1 0 ${columnWidth}px`,
        minWidth: columnWidth,
        borderRadius: "var(--mantine-radius-sm)",
        background: isOver ? `var(--mantine-color-${color}-1)` : "var(--mantine-color-gray-0)",
        borderTop: `4px solid var(--mantine-color-${color}-6)`,
        outline: isOver ? `2px dashed var(--mantine-color-${color}-7)` : undefined,
      }}
    >
      <Title order={2} size="h6" id={headingId} mb="xs">
        {t(`matching.stages.${stage}`)}{" "}
        <Text span c="dimmed" fz="sm">
          ({count})
        </Text>
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} mih={60}>
        {cards.map((c) => (
          <BoardCard key={c.id} match={c} onMove={(to) => onMove(c, to)} />
        ))}
      </Stack>
      {cards.length === 0 && (
        <Text size="xs" c="dimmed">
          {t("matching.board.emptyColumn")}
        </Text>
      )}
      {count > cards.length && (
        <Text size="xs" c="dimmed" mt="xs">
          {t("matching.board.more", { count: count - cards.length })}
        </Text>
      )}
    </Box>
  );
}

/**
 * All matches of the person's districts by stage. A card moves by drag and drop, by keyboard (its
 * handle: Space, arrow keys, Space) and by its menu; "Abgelehnt" and "Vorzeitig beendet" ask first.
 */
export function MatchesBoardPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const district = fromSearch(search, ["district"]).district;
  const mine = useMyDistricts();
  const board = useMatchBoard(district);
  // Where a card was dropped, until the server has answered (then the board is fetched again).
  const [moved, setMoved] = useState<Record<string, MatchStage>>({});
  const forget = (m: MovableMatch) =>
    setMoved((all) => {
      const { [m.id]: _gone, ...rest } = all;
      return rest;
    });
  const mover = useMatchMove({ onMoved: forget, onFailed: forget });
  const move = (m: Match, to: MatchStage) => {
    const from = moved[m.id] ?? m.stage;
    if (to === from) return;
    setMoved((all) => ({ ...all, [m.id]: to }));
    mover.request({ id: m.id, name: matchName(m), stage: from }, to);
  };

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: stageByStage, scrollBehavior: "auto" }),
  );
  const all = (board.data?.columns ?? []).flatMap((c) => c.items);
  const nameOf = (id: unknown) => {
    const m = all.find((c) => c.id === id);
    return m ? matchName(m) : "";
  };
  const stageName = (id: unknown) => (isMatchStage(id) ? t(`matching.stages.${id}`) : "");
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("matching.board.dragStart", { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t("matching.board.dragOver", { name: nameOf(active.id), stage: stageName(over.id) })
        : t("matching.board.dragOutside", { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t("matching.board.drop", { name: nameOf(active.id), stage: stageName(over.id) })
        : t("matching.board.dropNowhere", { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t("matching.board.dragCancel", { name: nameOf(active.id) }),
  };
  const columns = matchStages.map((stage) => {
    const column = board.data?.columns.find((c) => c.stage === stage);
    const here = all.filter((c) => (moved[c.id] ?? c.stage) === stage).map((c) => ({ ...c, stage }));
    const arrived = here.filter((c) => !column?.items.some((k) => k.id === c.id)).length;
    const left = (column?.items ?? []).filter((c) => moved[c.id] && moved[c.id] !== stage).length;
    return { stage, cards: here, count: (column?.count ?? 0) + arrived - left };
  });
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const card = all.find((c) => c.id === active.id);
    if (card && isMatchStage(over?.id)) move(card, over.id);
  };
  const total = (board.data?.columns ?? []).reduce((s, c) => s + c.count, 0);

  return (
    <Stack gap="sm">
      <PageHeader title={t("matching.board.title")} intro={t("matching.board.intro")} />
      <MatchingViews current="board" />
      {mine.districts.length > 1 && (
        <Select
          label={t("matching.board.district")}
          placeholder={t("matching.board.allDistricts")}
          data={mine.districts.map((d) => ({ value: d.ags, label: d.name }))}
          value={district ?? null}
          onChange={(v) =>
            navigate({ to: ".", search: toSearch({ ...fromSearch(search, ["match"]), district: v ?? undefined }) as never, replace: true })
          }
          clearable
          w={{ base: "100%", xs: 260 }}
        />
      )}
      <ProblemAlert error={board.error} />
      {board.isPending && (
        <Center mih={200}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {board.data && total === 0 && <Text size="sm">{t("matching.board.empty")}</Text>}
      <DndContext
        sensors={sensors}
        collisionDetection={columnUnder}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("matching.board.instructions") } }}
      >
        <Box role="region" aria-label={t("matching.board.region")} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }} pb="xs">
          <Group align="flex-start" gap="xs" wrap="nowrap" miw={matchStages.length * (columnWidth + 8)}>
            {columns.map((c) => (
              <Column key={c.stage} stage={c.stage} count={c.count} cards={c.cards} onMove={move} />
            ))}
          </Group>
        </Box>
      </DndContext>
      {mover.dialog}
      <MatchDrawer />
    </Stack>
  );
}
