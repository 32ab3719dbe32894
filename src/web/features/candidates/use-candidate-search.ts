import { useNavigate, useSearch } from "@tanstack/react-router";
import { toQuery } from "../../api/client";
import { fromSearch, toSearch } from "../../ui/search-params";
import { type Filters, filterKeys, type SortKey, sortKeys } from "./constants";

/** The filters (and the sort) of the list of young people, kept in the address. */
export function useCandidateSearch() {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const filters: Filters = fromSearch(search, filterKeys);
  const sortText = fromSearch(search, ["sort"]).sort;
  const sort: SortKey = (sortKeys as readonly string[]).includes(sortText ?? "") ? (sortText as SortKey) : "name";
  const update = (patch: Filters & { sort?: SortKey }) =>
    navigate({ to: ".", search: toSearch({ ...filters, sort: sort === "name" ? undefined : sort, ...patch }) as never, replace: true });
  return { filters, sort, update, query: (extra: Record<string, string | undefined> = {}) => toQuery({ ...filters, ...extra }) };
}
