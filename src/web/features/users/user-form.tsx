import { Button, Group, MultiSelect, PasswordInput, Select, Stack, Switch, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { District } from "../../../features/geo/schema";
import { roles, type User, type UserCreate, type UserUpdate } from "../../../features/users/schema";
import { api } from "../../api/client";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";

export function useDistricts() {
  return useQuery({
    queryKey: ["districts"],
    queryFn: () => api<District[]>("GET", "/api/v1/geo/districts"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

type Props =
  | { mode: "create"; onSubmit: (v: UserCreate) => void; pending: boolean; error: unknown; onCancel: () => void }
  | { mode: "edit"; user: User; onSubmit: (v: UserUpdate) => void; pending: boolean; error: unknown; onCancel: () => void };

/** One form for creating and editing an account; server field errors appear at their fields. */
export function UserForm(props: Props) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const initial = props.mode === "edit" ? props.user : undefined;
  const [email, setEmail] = useState(initial?.email ?? "");
  const [displayName, setDisplayName] = useState(initial?.displayName ?? "");
  const [role, setRole] = useState<User["role"]>(initial?.role ?? "counsellor");
  const [selected, setSelected] = useState<string[]>(initial?.districts ?? []);
  const [organisation, setOrganisation] = useState(initial?.organisation ?? "");
  const [password, setPassword] = useState("");
  const [disabled, setDisabled] = useState(initial?.disabled ?? false);
  const errors = fieldErrorsOf(props.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const common = { displayName, role, districts: role === "counsellor" ? selected : [], organisation: organisation.trim() || null };
    if (props.mode === "create") props.onSubmit({ ...common, email, password });
    else props.onSubmit({ ...common, disabled });
  };

  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <TextInput
        label={t("users.name")}
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        required
        error={errors.displayName}
      />
      {props.mode === "create" && (
        <TextInput
          label={t("users.email")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          required
          error={errors.email}
        />
      )}
      <Select
        label={t("users.role")}
        value={role}
        onChange={(v) => v && setRole(v as User["role"])}
        data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        allowDeselect={false}
        error={errors.role}
      />
      {role === "counsellor" && (
        <MultiSelect
          label={t("users.districts")}
          value={selected}
          onChange={setSelected}
          data={(districts.data ?? []).map((d) => ({ value: d.ags, label: `${d.name} (${d.ags})` }))}
          searchable
          required
          error={errors.districts}
        />
      )}
      {role === "partner" && (
        <TextInput
          label={t("users.organisation")}
          value={organisation}
          onChange={(e) => setOrganisation(e.currentTarget.value)}
          required
          error={errors.organisation}
        />
      )}
      {props.mode === "create" && (
        <PasswordInput
          label={t("users.initialPassword")}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          required
          error={errors.password}
        />
      )}
      {props.mode === "edit" && (
        <Switch label={t("users.disabled")} checked={disabled} onChange={(e) => setDisabled(e.currentTarget.checked)} />
      )}
      <ProblemAlert error={Object.keys(errors).length ? null : props.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={props.pending}>
          {props.mode === "create" ? t("common.create") : t("common.save")}
        </Button>
      </Group>
    </Stack>
  );
}
