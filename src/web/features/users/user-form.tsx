import { Button, Group, MultiSelect, Select, Switch, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { District } from "../../../features/geo/schema";
import type { User, UserCreate, UserUpdate } from "../../../features/users/schema";
import { roles } from "../../../lib/http/actor";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { looksLikeEmail, minimumPasswordLength, useFormChecks } from "../../ui/form-checks";
import { PasswordField } from "../../ui/password-field";
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

/** One form for creating and editing an account; the app's and the server's messages appear at their fields. */
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
  const creating = props.mode === "create";
  const required = t("validation.required");
  const checks = useFormChecks({
    displayName: !displayName.trim() ? required : displayName.trim().length < 2 ? t("validation.name") : undefined,
    email: !creating ? undefined : !email.trim() ? required : looksLikeEmail(email) ? undefined : t("validation.email"),
    districts: role === "counsellor" && selected.length === 0 ? t("validation.districts") : undefined,
    organisation: role === "partner" && !organisation.trim() ? required : undefined,
    password: !creating
      ? undefined
      : !password
        ? required
        : password.length < minimumPasswordLength
          ? t("validation.passwordLength", { count: minimumPasswordLength })
          : undefined,
  });
  const errors = fieldErrorsOf(props.error);
  const errorOf = (name: string) => checks.errorOf(name) ?? errors[name];

  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    const common = { displayName, role, districts: role === "counsellor" ? selected : [], organisation: organisation.trim() || null };
    if (props.mode === "create") props.onSubmit({ ...common, email, password });
    else props.onSubmit({ ...common, disabled });
  };

  return (
    <AppForm onSubmit={submit} gap="sm">
      <TextInput
        label={t("users.name")}
        name="displayName"
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        onBlur={checks.onBlurOf("displayName")}
        required
        error={errorOf("displayName")}
      />
      {creating && (
        <TextInput
          label={t("users.email")}
          name="email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          onBlur={checks.onBlurOf("email")}
          required
          error={errorOf("email")}
        />
      )}
      <Select
        label={t("users.role")}
        name="role"
        value={role}
        onChange={(v) => v && setRole(v as User["role"])}
        data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        allowDeselect={false}
        error={errors.role}
      />
      {role === "counsellor" && (
        <MultiSelect
          label={t("users.districts")}
          name="districts"
          value={selected}
          onChange={setSelected}
          data={(districts.data ?? []).map((d) => ({ value: d.ags, label: `${d.name} (${d.ags})` }))}
          searchable
          required
          error={errorOf("districts")}
        />
      )}
      {role === "partner" && (
        <TextInput
          label={t("users.organisation")}
          name="organisation"
          value={organisation}
          onChange={(e) => setOrganisation(e.currentTarget.value)}
          onBlur={checks.onBlurOf("organisation")}
          required
          error={errorOf("organisation")}
        />
      )}
      {creating && (
        <PasswordField
          label={t("users.initialPassword")}
          name="password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          onBlur={checks.onBlurOf("password")}
          autoComplete="new-password"
          required
          error={errorOf("password")}
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
          {creating ? t("common.create") : t("common.save")}
        </Button>
      </Group>
    </AppForm>
  );
}
