import { Fieldset, type FieldsetProps } from "@mantine/core";

/** A group of fields under a legend that reads as a heading (Mantine's default legend is small and light). */
export function FormSection(props: FieldsetProps) {
  return (
    <Fieldset
      {...props}
      styles={{ legend: { fontWeight: 700, fontSize: "var(--mantine-font-size-md)", paddingInline: props.variant === "unstyled" ? 0 : 4 } }}
    />
  );
}
