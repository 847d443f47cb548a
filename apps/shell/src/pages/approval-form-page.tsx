import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, ProblemAlert } from '@unionflow/ui';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApprovalFormSheet } from '../cases/approval-form-sheet';
import { displayLanguage } from '../cases/result-rows';
import { LanguageSwitch } from '../layout/language-switch';
import { PageSkeleton } from '../layout/page-skeleton';
import { NotFoundPage } from './not-found-page';

/**
 * The print page of a case's approval form, outside the app's layout so the browser prints the sheet
 * alone; the toolbar (print, PDF, back) is hidden on paper by the sheet's `@media print` rules.
 */
export function ApprovalFormPage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const lang = displayLanguage(i18n.language);
  const query = useQuery({
    queryKey: ['approval-form', id, lang],
    queryFn: () => api.approvalForm(id, lang),
    enabled: !!id,
  });
  if (query.isPending) return <PageSkeleton />;
  if (query.error instanceof ApiError && query.error.status === 404)
    return <NotFoundPage title={t('cases.notFound')} />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <main className="uf-print-page">
      <nav className="uf-print-toolbar" aria-label={t('print.toolbar')}>
        <Link to={`/cases/${encodeURIComponent(id)}`}>{t('print.back')}</Link>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="print-now"
        >
          {t('print.print')}
        </Button>
        <Button href={api.approvalFormPdfUrl(id, lang)} target="_blank" data-testid="print-pdf">
          {t('print.pdf')}
        </Button>
        <LanguageSwitch />
      </nav>
      <ApprovalFormSheet form={query.data} />
    </main>
  );
}
