import { DEFAULT_TIME_ZONE, formatDateTime } from '@unionflow/ui/core';

/** A timestamp shown as `YYYY-MM-DD HH:mm` in Asia/Shanghai unless another zone is given. */
export function DateTime({
  value,
  timeZone = DEFAULT_TIME_ZONE,
  dateOnly,
}: {
  value: string | null | undefined;
  timeZone?: string;
  dateOnly?: boolean;
}) {
  if (!value) return <span>—</span>;
  return <time dateTime={value}>{formatDateTime(value, { timeZone, dateOnly })}</time>;
}
