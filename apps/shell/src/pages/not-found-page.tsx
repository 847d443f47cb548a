import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown for any path the shell does not know. */
export function NotFoundPage({ title }: { title?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={title ?? t('notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('home')}</Button>
        </Link>
      }
    />
  );
}
