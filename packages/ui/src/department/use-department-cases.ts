import { useInfiniteQuery } from '@tanstack/react-query';
import type { CaseSummaryDto } from '@unionflow/contracts';
import { api } from '@unionflow/ui/core';

/** The cases of one department the caller may see (scope=department), loaded page by page. */
export function useDepartmentCases(department: string) {
  const query = useInfiniteQuery({
    queryKey: ['cases', 'department', department],
    queryFn: ({ pageParam }) => api.cases('department', { cursor: pageParam, limit: 100 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const cases: CaseSummaryDto[] = (query.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (c) => c.department === department,
  );
  return { query, cases };
}

/** Cases per status, plus `total`. */
export function countByStatus(cases: Pick<CaseSummaryDto, 'status'>[]): Record<string, number> {
  const counts: Record<string, number> = { total: cases.length };
  for (const c of cases) counts[c.status] = (counts[c.status] ?? 0) + 1;
  return counts;
}
