import { Button, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Run } from "../../../features/matching/schema";
import { notify } from "../../ui/notify";
import { TableScroll } from "../../ui/table-scroll";
import { useAcceptRun } from "./api";
import { PersonMatchingLink } from "./links";
import { useMatchParam } from "./match-drawer";
import { formatScore } from "./score-bars";

type Result = NonNullable<Run["result"]>;

function PersonLink({ id, name }: { id: string; name: string }) {
  return (
    <PersonMatchingLink id={id} size="sm">
      {name}
    </PersonMatchingLink>
  );
}

/** The proposed pairs, best first: person, company, occupation, score, and "Übernehmen" (or the match once taken). */
export function PairsTable({ runId, pairs }: { runId: string; pairs: Result["assignments"] }) {
  const { t, i18n } = useTranslation();
  const accept = useAcceptRun(runId);
  const { open } = useMatchParam();
  return (
    <TableScroll label={t("common.tableOf", { title: t("matching.runs.result.pairsTitle") })} minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("matching.runs.columns.person")}</Table.Th>
            <Table.Th>{t("matching.runs.columns.company")}</Table.Th>
            <Table.Th>{t("matching.runs.columns.occupation")}</Table.Th>
            <Table.Th style={{ textAlign: "right" }}>{t("matching.runs.columns.score")}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pairs.map((p) => (
            <Table.Tr key={p.candidateId}>
              <Table.Td>
                <PersonLink id={p.candidateId} name={p.candidateName} />
              </Table.Td>
              <Table.Td>{p.companyName}</Table.Td>
              <Table.Td>{p.occupationName}</Table.Td>
              <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
                {formatScore(p.score, i18n.language, 1)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {p.matchId ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => open(p.matchId as string)}
                    aria-label={t("matching.runs.result.openMatchFor", { name: p.candidateName })}
                  >
                    {t("matching.runs.result.taken")}
                  </Button>
                ) : (
                  <Button
                    size="compact-xs"
                    variant="light"
                    loading={accept.isPending && accept.variables?.[0] === p.candidateId}
                    aria-label={t("matching.runs.result.acceptFor", { name: p.candidateName, company: p.companyName })}
                    onClick={() =>
                      accept.mutate([p.candidateId], {
                        onSuccess: (r) => notify({ color: "green", message: t("matching.runs.result.acceptedOne", { count: r.created }) }),
                        onError: (e) => notify({ color: "red", title: t("error.title"), message: e.message }),
                      })
                    }
                  >
                    {t("matching.runs.result.accept")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** The people the run left without a place, each with the reason. */
export function UnassignedTable({ items }: { items: Result["unassigned"] }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t("common.tableOf", { title: t("matching.runs.result.unassignedTitle") })} minWidth={480}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("matching.runs.columns.person")}</Table.Th>
            <Table.Th>{t("matching.runs.columns.reason")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((u) => (
            <Table.Tr key={u.candidateId}>
              <Table.Td>
                <PersonLink id={u.candidateId} name={u.candidateName} />
              </Table.Td>
              <Table.Td>
                {u.reasons.length ? (
                  u.reasons.map((r) => (
                    <Text key={r.code} size="sm">
                      {r.message}
                    </Text>
                  ))
                ) : (
                  <Text size="sm">–</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
