import { Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { roles, type User, type UserCreate, type UserPage, type UserUpdate } from "../../../features/users/schema";
import { api, toQuery } from "../../api/client";
import { PageHeader } from "../../ui/page-header";
import { Pager } from "../../ui/pager";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { UserForm, useDistricts } from "./user-form";

type Search = { q?: string; role?: string; district?: string; page?: number };

export function UsersPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as Search;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const districts = useDistricts();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [newPassword, setNewPassword] = useState("");
  const page = search.page ?? 1;
  const setSearch = (patch: Search) => navigate({ to: ".", search: { ...search, page: undefined, ...patch } as never, replace: true });

  const users = useQuery({
    queryKey: ["users", search],
    queryFn: () => api<UserPage>("GET", `/api/v1/users${toQuery({ q: search.q, role: search.role, district: search.district, page })}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["users"] });
  const create = useMutation({
    mutationFn: (v: UserCreate) => api<User>("POST", "/api/v1/users", v),
    onSuccess: async (u) => {
      setCreating(false);
      notifications.show({ color: "green", message: t("users.created", { email: u.email }) });
      await refresh();
    },
  });
  const update = useMutation({
    mutationFn: (v: { id: string; patch: UserUpdate }) => api<User>("PATCH", `/api/v1/users/${v.id}`, v.patch),
    onSuccess: async () => {
      setEditing(null);
      notifications.show({ color: "green", message: t("users.saved") });
      await refresh();
    },
  });
  const reset = useMutation({
    mutationFn: (v: { id: string; newPassword: string }) =>
      api("POST", `/api/v1/users/${v.id}/password-reset`, { newPassword: v.newPassword }),
    onSuccess: () => {
      setResetting(null);
      setNewPassword("");
      notifications.show({ color: "green", message: t("users.resetDone") });
    },
  });
  const districtName = (ags: string) => districts.data?.find((d) => d.ags === ags)?.name ?? ags;

  return (
    <Stack gap="sm">
      <PageHeader
        title={t("users.title")}
        intro={t("users.intro")}
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              component="a"
              href={`/api/v1/users/export${toQuery({ q: search.q, role: search.role, district: search.district })}`}
            >
              {t("common.exportCsv")}
            </Button>
            <Button onClick={() => setCreating(true)}>{t("users.new")}</Button>
          </Group>
        }
      />
      <Group>
        <TextInput
          aria-label={t("common.search")}
          placeholder={t("common.search")}
          defaultValue={search.q ?? ""}
          onChange={(e) => setSearch({ q: e.currentTarget.value || undefined })}
          w={260}
        />
        <Select
          aria-label={t("users.role")}
          placeholder={t("users.role")}
          value={search.role ?? null}
          onChange={(v) => setSearch({ role: v ?? undefined })}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          clearable
        />
        <Select
          aria-label={t("users.districts")}
          placeholder={t("users.districts")}
          value={search.district ?? null}
          onChange={(v) => setSearch({ district: v ?? undefined })}
          data={(districts.data ?? []).map((d) => ({ value: d.ags, label: d.name }))}
          clearable
        />
      </Group>
      <ProblemAlert error={users.error} />
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("users.name")}</Table.Th>
            <Table.Th>{t("users.email")}</Table.Th>
            <Table.Th>{t("users.role")}</Table.Th>
            <Table.Th>{t("users.districts")}</Table.Th>
            <Table.Th>{t("users.status")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.items.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
              <Table.Td>{u.districts.map(districtName).join(", ") || u.organisation || "–"}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge style={{ flexShrink: 0 }} color={u.disabled ? "gray" : "green"} variant="light">
                    {u.disabled ? t("users.disabled") : t("users.active")}
                  </Badge>
                  {u.totpEnabled && <Badge variant="outline">{t("users.twoFactor")}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end">
                  <Button size="compact-xs" variant="light" onClick={() => setEditing(u)} aria-label={`${t("common.edit")}: ${u.email}`}>
                    {t("common.edit")}
                  </Button>
                  <Button size="compact-xs" variant="subtle" onClick={() => setResetting(u)}>
                    {t("users.resetPassword")}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {users.data?.total === 0 && <Text c="dimmed">{t("common.noResults")}</Text>}
      {users.data && <Pager total={users.data.total} page={page} pageSize={users.data.pageSize} onPage={(p) => setSearch({ page: p })} />}

      <Modal
        closeButtonProps={{ "aria-label": t("common.close") }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("users.new")}
      >
        <UserForm
          mode="create"
          onSubmit={(v) => create.mutate(v)}
          pending={create.isPending}
          error={create.error}
          onCancel={() => setCreating(false)}
        />
      </Modal>
      <Modal
        closeButtonProps={{ "aria-label": t("common.close") }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.email}
      >
        {editing && (
          <UserForm
            mode="edit"
            user={editing}
            onSubmit={(patch) => update.mutate({ id: editing.id, patch })}
            pending={update.isPending}
            error={update.error}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal
        closeButtonProps={{ "aria-label": t("common.close") }}
        opened={resetting !== null}
        onClose={() => setResetting(null)}
        title={`${t("users.resetPassword")}: ${resetting?.email ?? ""}`}
      >
        <Stack
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (resetting) reset.mutate({ id: resetting.id, newPassword });
          }}
        >
          <PasswordInput
            label={t("users.newPassword")}
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            required
            error={fieldErrorsOf(reset.error).newPassword}
          />
          <Button type="submit" loading={reset.isPending}>
            {t("users.resetPassword")}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
