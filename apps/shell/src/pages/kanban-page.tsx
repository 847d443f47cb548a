import { mayAnalyseAny } from '@unionflow/contracts/department-access';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useMe } from '../auth/use-me';
import { NotFoundPage } from './not-found-page';

// ECharts is large: the board loads only when this page opens (ADR 008, ADR 029).
const FederationBoard = lazy(() =>
  import('@unionflow/ui/kanban').then((m) => ({ default: m.FederationBoard })),
);

/**
 * The federation 看板 in the shell (ADR 033): every process the viewer may analyse, in their org scope.
 * A viewer the gateway would refuse gets the shell's "not found", as for any page they have no entry to.
 */
export function KanbanPage() {
  const me = useMe().data;
  if (!me) return <Spin />;
  if (!mayAnalyseAny(me.roles)) return <NotFoundPage />;
  return (
    <Suspense fallback={<Spin />}>
      <FederationBoard />
    </Suspense>
  );
}
