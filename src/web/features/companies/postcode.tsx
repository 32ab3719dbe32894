import { Badge, Group, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PostcodeInfo } from "../../../features/geo/schema";
import { ApiError, api } from "../../api/client";

/** Place and district of a five-digit postcode; `unknown` when there is no such postcode. */
export function usePostcode(code: string) {
  const valid = /^\d{5}$/.test(code);
  const info = useQuery({
    queryKey: ["postcode", code],
    queryFn: () => api<PostcodeInfo>("GET", `/api/v1/geo/postcodes/${code}`),
    enabled: valid,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return { info: valid ? info.data : undefined, unknown: valid && info.error instanceof ApiError && info.error.status === 404 };
}

/** "06108 Halle · Kreis Halle (Saale)", marked when the place lies outside the service region. */
export function PostcodePlace({ info }: { info: PostcodeInfo }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="status">
      <Text size="sm">
        {t("companies.form.place", { postcode: info.postcode, place: info.primary.name, district: info.primary.district })}
      </Text>
      {!info.inServiceRegion && (
        <Badge color="orange" variant="light">
          {t("companies.outsideRegion")}
        </Badge>
      )}
    </Group>
  );
}
