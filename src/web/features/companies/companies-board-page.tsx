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
import { ActionIcon, Anchor, Badge, Box, Button, Center, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Board } from "../../../features/companies/schema";
import { api } from "../../api/client";
import { CompanyLink } from "../../ui/company-link";
import { formatDay, todayIso } from "../../ui/days";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { toSearch } from "../../ui/search-params";
import { isStage, type Stage, stageColors, stages } from "../../ui/stages";
import { columnByColumn, columnUnder } from "./board-dnd";
import { CompanyFilters } from "./company-filters";
import { CompanyViews } from "./company-views";
import { type Movable, StageMenu, useStageMove } from "./stage-move";
import { useCompanySearch } from "./use-company-search";

type Card = Board["columns"][number]["cards"][number];

function BoardCard({ card, onMove }: { card: Card; onMove: (to: Stage) => void }) {
  const { t, i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: card.id,
    data: { stage: card.stage, name: card.name },
    attributes: { roleDescription: t("companies.board.draggable") },
  });
  const overdue = card.nextStepDue !== null && card.nextStepDue < todayIso();
  return (
    <Paper
      component="li"
      ref={setNodeRef}
      withBorder
      p="xs"
      shadow={isDragging ? "md" : undefined}
      data-company={card.id}
      style={{
        listStyle: "none",
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        zIndex: isDragging ? 10 : undefined,
        position: "relative",
      }}
    >
      <CompanyLink id={card.id} fw={600} size="sm" display="block" style={{ overflowWrap: "break-word" }}>
        {card.name}
      </CompanyLink>
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap={4} mt={4}>
        <Stack gap={2} style={{ minWidth: 0 }}>
          {(card.city || card.districtName) && (
            <Text size="xs" c="dimmed">
              {[card.city, card.districtName].filter(Boolean).join(" · ")}
            </Text>
          )}
          {card.nextStepDue && (
            <Text size="xs" c={overdue ? "red.8" : undefined} fw={overdue ? 700 : undefined}>
              {t(overdue ? "companies.board.overdue" : "companies.board.nextStep", { date: formatDay(card.nextStepDue, i18n.language) })}
            </Text>
          )}
          {card.openPlaces > 0 && <Text size="xs">{t("companies.board.openPlaces", { count: card.openPlaces })}</Text>}
          {card.migrantLed && (
            <Badge size="xs" variant="outline" color="grape">
              {t("companies.migrantLedBadge")}
            </Badge>
          )}
        </Stack>
        <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            size="sm"
            {...attributes}
            {...listeners}
            aria-label={t("companies.board.handle", { name: card.name })}
            style={{ cursor: "grab", touchAction: "none", flexShrink: 0 }}
          >
            <span aria-hidden="true">⠿</span>
          </ActionIcon>
          <StageMenu
            company={card}
            onMove={onMove}
            target={
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t("companies.board.moveMenuFor", { name: card.name })}
                style={{ flexShrink: 0 }}
              >
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
  search,
  onMove,
}: {
  stage: Stage;
  count: number;
  cards: Card[];
  search: Record<string, string | undefined>;
  onMove: (card: Card, to: Stage) => void;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const headingId = `board-column-${stage}`;
  return (
    <Box
      component="section"
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-stage={stage}
      p="xs"
      style={{
        flex: "1 0 200px",
        minWidth: 200,
        borderRadius: "var(--mantine-radius-sm)",
        background: isOver ? `var(--mantine-color-${stageColors[stage]}-1)` : "var(--mantine-color-gray-0)",
        borderTop: `4px solid var(--mantine-color-${stageColors[stage]}-6)`,
        outline: isOver ? `2px dashed var(--mantine-color-${stageColors[stage]}-7)` : undefined,
      }}
    >
      <Title order={2} size="h6" id={headingId} mb="xs">
        {t(`stages.${stage}`)}{" "}
        <Text span c="dimmed" fz="sm">
          ({count})
        </Text>
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} mih={60}>
        {cards.map((c) => (
          <BoardCard key={c.id} card={c} onMove={(to) => onMove(c, to)} />
        ))}
      </Stack>
      {cards.length === 0 && (
        <Text size="xs" c="dimmed">
          {t("companies.board.emptyColumn")}
        </Text>
      )}
      {count > cards.length && (
        <Anchor component={Link} to="/betriebe" search={toSearch({ ...search, stage }) as never} size="xs" mt="xs" display="block">
          {t("companies.board.more", { count: count - cards.length })}
        </Anchor>
      )}
    </Box>
  );
}

/**
 * The acquisition board: a column per stage. A card moves by drag and drop, by keyboard (its handle:
 * Space, arrow keys, Space) and by its menu; "Abgesagt" asks for the reason first.
 */
export function CompaniesBoardPage() {
  const { t } = useTranslation();
  const { filters, update, query } = useCompanySearch();
  const board = useQuery({
    queryKey: ["companies", "board", filters],
    queryFn: () => api<Board>("GET", `/api/v1/companies/board${query()}`),
    placeholderData: keepPreviousData,
  });
  // Where a card was dropped, until the server has answered (then the board is fetched again).
  const [moved, setMoved] = useState<Record<string, Stage>>({});
  const forget = (c: Movable) =>
    setMoved((m) => {
      const { [c.id]: _gone, ...rest } = m;
      return rest;
    });
  const mover = useStageMove({ onMoved: forget, onFailed: forget });
  const move = (card: Movable, to: Stage) => {
    if (to === card.stage) return;
    if (to !== "declined") setMoved((m) => ({ ...m, [card.id]: to }));
    mover.request(card, to);
  };

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnByColumn, scrollBehavior: "auto" }),
  );
  const allCards = (board.data?.columns ?? []).flatMap((c) => c.cards);
  const nameOf = (id: unknown) => allCards.find((c) => c.id === id)?.name ?? "";
  const stageName = (id: unknown) => (isStage(id) ? t(`stages.${id}`) : "");
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("companies.board.dragStart", { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t("companies.board.dragOver", { name: nameOf(active.id), stage: stageName(over.id) })
        : t("companies.board.dragOutside", { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t("companies.board.drop", { name: nameOf(active.id), stage: stageName(over.id) })
        : t("companies.board.dropNowhere", { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t("companies.board.dragCancel", { name: nameOf(active.id) }),
  };

  const columns = stages.map((stage) => {
    const column = board.data?.columns.find((c) => c.stage === stage);
    const here = allCards.filter((c) => (moved[c.id] ?? c.stage) === stage).map((c) => ({ ...c, stage }));
    const arrived = here.filter((c) => !column?.cards.some((k) => k.id === c.id)).length;
    const left = (column?.cards ?? []).filter((c) => moved[c.id] && moved[c.id] !== stage).length;
    return { stage, cards: here, count: (column?.count ?? 0) + arrived - left };
  });
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const card = allCards.find((c) => c.id === active.id);
    if (card && isStage(over?.id)) move({ ...card, stage: moved[card.id] ?? card.stage }, over.id);
  };

  return (
    <Stack gap="sm">
      <PageHeader
        title={t("companies.board.heading")}
        intro={t("companies.board.intro")}
        actions={
          <Button component={Link} to="/betriebe/neu">
            {t("companies.new")}
          </Button>
        }
      />
      <CompanyViews current="board" filters={filters} />
      <CompanyFilters filters={filters} onChange={update} />
      <ProblemAlert error={board.error} />
      {board.isPending && (
        <Center mih={200}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={columnUnder}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("companies.board.instructions") } }}
      >
        <Box role="region" aria-label={t("companies.board.region")} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }} pb="xs">
          <Group align="flex-start" gap="xs" wrap="nowrap" miw={7 * 208}>
            {columns.map((c) => (
              <Column key={c.stage} stage={c.stage} count={c.count} cards={c.cards} search={filters} onMove={move} />
            ))}
          </Group>
        </Box>
      </DndContext>
      {mover.dialog}
    </Stack>
  );
}
