import { useMe } from "../auth/use-me";
import { useDistricts } from "../companies/api";

/**
 * The districts a person works in, with their names: a counsellor's own, for coordination and
 * administration the whole service region. `whole` says whether the person may act on all of them at once.
 */
export function useMyDistricts() {
  const me = useMe().data;
  const districts = useDistricts();
  const region = districts.data ?? [];
  const whole = me?.role === "admin" || me?.role === "coordinator";
  const mine = whole ? region : region.filter((d) => me?.districts.includes(d.ags));
  return {
    districts: mine,
    whole,
    loading: districts.isPending,
    error: districts.error,
    nameOf: (ags: string) => region.find((d) => d.ags === ags)?.name ?? ags,
  };
}
