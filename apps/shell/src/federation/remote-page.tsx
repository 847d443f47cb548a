import { ProblemAlert } from '@unionflow/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageSkeleton } from '../layout/page-skeleton';
import { NotFoundPage } from '../pages/not-found-page';
import { RemoteSlot } from './remote-slot';
import { useRemotes } from './remotes';

/** `/:remote/*`: mounts the department app of that name, if the gateway offers one. */
export function RemotePage() {
  const { t } = useTranslation();
  const name = useParams().remote ?? '';
  const remotes = useRemotes();
  if (remotes.isPending) return <PageSkeleton />;
  if (remotes.error) return <ProblemAlert error={remotes.error} onRetry={() => void remotes.refetch()} />;
  const remote = remotes.data.find((r) => r.name === name);
  if (!remote) return <NotFoundPage title={t('remote.unknown')} />;
  const label = t(`nav.remotes.${remote.name}`, { defaultValue: remote.name });
  return <RemoteSlot key={remote.name} remote={remote} basePath={`/${remote.name}`} label={label} />;
}
