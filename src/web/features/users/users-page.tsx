import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { User, UserCreate, UserPage, UserUpdate } from "../../../features/users/schema";
import { roles } from "../../../lib/http/actor";
import { api, toQuery } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { minimumPasswordLength, useFormChecks } from "../../ui/form-checks";
import { notify } from "../../ui/notify";
import { PageHeader } from "../../ui/page-header";
import { Pager } from "../../ui/pager";
import { PasswordField } from "../../ui/password-field";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { TableScroll } from "../../ui/table-scroll";
import { UserForm, useDistricts } from "./user-form";

type Search = { q?: string; role?: string; district?: string; page?: number };

function PasswordReset({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const [newPassword, setNewPassword] = useState("");
  const checks = useFormChecks({
    newPassword: !newPassword
      ? t("validation.required")
      : newPassword.length < minimumPasswordLength
        ? t("validation.passwordLength", { count: minimumPasswordLength })
        : undefined,
  });
  const reset = useMutation({
    mutationFn: () => api("POST", `/api/v1/users/${user.id}/password-reset`, { newPassword }),
    onSuccess: () => {
      notify({ color: "green", message: t("users.resetDone") });
      onDone();
    },
  });
  const errors = fieldErrorsOf(reset.error);
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (checks.passes(e)) reset.mutate();
  };
  return (
    <AppForm onSubmit={submit}>
      <PasswordField
        label={t("users.newPassword")}
        name="newPassword"
        value={newPassword}
        onChange={(e) => setNewPassword(e.currentTarget.value)}
        onBlur={checks.onBlurOf("newPassword")}
        autoComplete="new-password"
        required
        error={checks.errorOf("newPassword") ?? errors.newPassword}
      />
      <ProblemAlert error={errors.newPassword ? null : reset.error} />
      <Button type="submit" loading={reset.isPending}>
        {t("users.resetPassword")}
      </Button>
    </AppForm>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as Search;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const districts = useDistricts();
  // On a phone a dialog takes the whole screen instead of hanging over its edge.
  const phone = useMediaQuery("(max-width: 48em)");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
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
      notify({ color: "green", message: t("users.created", { email: u.email }) });
      await refresh();
    },
  });
  const update = useMutation({
    mutationFn: (v: { id: string; patch: UserUpdate }) => api<User>("PATCH", `/api/v1/users/${v.id}`, v.patch),
    onSuccess: async () => {
      setEditing(null);
      notify({ color: "green", message: t("users.saved") });
      await refresh();
    },
  });
  const districtName = (ags: string) => districts.data?.find((d) => d.ags === ags)?.name ?? ags;
  const modal = { closeButtonProps: { "aria-label": t("common.close") }, fullScreen: phone ?? false };

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
            <Button
              onClick={() => {
                create.reset();
                setCreating(true);
              }}
            >
              {t("users.new")}
            </Button>
          </Group>
        }
      />
      <Group gap="sm">
        <TextInput
          aria-label={t("common.search")}
          placeholder={t("common.search")}
          defaultValue={search.q ?? ""}
          onChange={(e) => setSearch({ q: e.currentTarget.value || undefined })}
          w={{ base: "100%", xs: 260 }}
        />
        <Select
          aria-label={t("users.role")}
          placeholder={t("users.role")}
          value={search.role ?? null}
          onChange={(v) => setSearch({ role: v ?? undefined })}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          clearable
          w={{ base: "100%", xs: 200 }}
        />
        <Select
          aria-label={t("users.districts")}
          placeholder={t("users.districts")}
          value={search.district ?? null}
          onChange={(v) => setSearch({ district: v ?? undefined })}
          data={(districts.data ?? []).map((d) => ({ value: d.ags, label: d.name }))}
          clearable
          searchable
          w={{ base: "100%", xs: 240 }}
        />
      </Group>
      <ProblemAlert error={users.error} />
      <TableScroll label={t("common.tableOf", { title: t("users.title") })} minWidth={760}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("users.name")}</Table.Th>
              <Table.Th>{t("users.email")}</Table.Th>
              <Table.Th>{t("users.role")}</Table.Th>
              <Table.Th>{t("users.districts")}</Table.Th>
              <Table.Th>{t("users.status")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
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
                    <Badge color={u.disabled ? "gray" : "green"} variant="light">
                      {u.disabled ? t("users.disabled") : t("users.active")}
                    </Badge>
                    {u.totpEnabled && <Badge variant="outline">{t("users.twoFactor")}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => {
                        update.reset();
                        setEditing(u);
                      }}
                      aria-label={`${t("common.edit")}: ${u.email}`}
                    >
                      {t("common.edit")}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setResetting(u)}
                      aria-label={`${t("users.resetPassword")}: ${u.email}`}
                    >
                      {t("users.resetPassword")}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {users.data?.total === 0 && <Text c="dimmed">{t("common.noResults")}</Text>}
      {users.data && <Pager total={users.data.total} page={page} pageSize={users.data.pageSize} onPage={(p) => setSearch({ page: p })} />}

      <Modal {...modal} opened={creating} onClose={() => setCreating(false)} title={t("users.new")}>
        <UserForm
          mode="create"
          onSubmit={(v) => create.mutate(v)}
          pending={create.isPending}
          error={create.error}
          onCancel={() => setCreating(false)}
        />
      </Modal>
      <Modal {...modal} opened={editing !== null} onClose={() => setEditing(null)} title={editing?.email}>
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
        {...modal}
        opened={resetting !== null}
        onClose={() => setResetting(null)}
        title={`${t("users.resetPassword")}: ${resetting?.email ?? ""}`}
      >
        {resetting && <PasswordReset key={resetting.id} user={resetting} onDone={() => setResetting(null)} />}
      </Modal>
    </Stack>
  );
}
