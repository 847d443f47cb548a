import { ProblemAlert } from '@unionflow/ui';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/use-me';
import { canOpenRemote } from '../layout/nav-items';
import { PageSkeleton } from '../layout/page-skeleton';
import { NotFoundPage } from '../pages/not-found-page';
import { RemoteSlot } from './remote-slot';
import { useRemotes } from './remotes';

/**
 * `/:remote/*`: mounts the department app of that name, if the gateway offers one and the viewer works
 * there. Opened by its address by someone else, it says whose app it is instead of a page of refusals.
 */
export function RemotePage() {
  const { t } = useTranslation();
  const name = useParams().remote ?? '';
  const remotes = useRemotes();
  const me = useMe();
  if (remotes.isPending || me.isPending) return <PageSkeleton />;
  if (remotes.error) return <ProblemAlert error={remotes.error} onRetry={() => void remotes.refetch()} />;
  const remote = remotes.data.find((r) => r.name === name);
  if (!remote) return <NotFoundPage title={t('remote.unknown')} />;
  const label = t(`nav.remotes.${remote.name}`, { defaultValue: remote.name });
  if (!canOpenRemote(me.data?.roles ?? [], remote)) {
    return (
      <Result
        status="403"
        title={t('remote.forbidden', { name: label })}
        subTitle={t('remote.forbiddenDetail')}
        extra={
          <Link to="/">
            <Button type="primary">{t('home')}</Button>
          </Link>
        }
      />
    );
  }
  return <RemoteSlot key={remote.name} remote={remote} basePath={`/${remote.name}`} label={label} />;
}
