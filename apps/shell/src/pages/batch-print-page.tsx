import { PrinterOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { api, ProblemAlert } from '@unionflow/ui';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApprovalFormSheet } from '../cases/approval-form-sheet';
import { displayLanguage } from '../cases/result-rows';
import { LanguageSwitch } from '../layout/language-switch';
import { PageSkeleton } from '../layout/page-skeleton';

/** Cases one batch may print: enough for a day's files, few enough that one page stays light. */
export const MAX_BATCH = 50;

/** The case ids of a batch, from `?ids=a,b,c`: distinct, in the order given, at most MAX_BATCH. */
export function batchIds(param: string | null): string[] {
  const ids = (param ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(ids)].slice(0, MAX_BATCH);
}

/**
 * Several cases' approval forms on one print page, each starting on a new sheet of paper. Each form
 * is the same server-side model as the single print page (masked as this reader sees that case); a
 * case the reader may not open shows its error in place and is left off the paper.
 */
export function BatchPrintPage() {
  const { t, i18n } = useTranslation();
  const lang = displayLanguage(i18n.language);
  const [params] = useSearchParams();
  const ids = batchIds(params.get('ids'));
  const forms = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['approval-form', id, lang],
      queryFn: () => api.approvalForm(id, lang),
    })),
  });
  if (forms.some((q) => q.isPending)) return <PageSkeleton />;
  return (
    <main className="uf-print-page">
      <nav className="uf-print-toolbar" aria-label={t('print.toolbar')}>
        <Button type="link" onClick={() => window.history.back()}>
          {t('print.backToList')}
        </Button>
        <span data-testid="batch-count">
          {t('print.batchCount', { count: forms.filter((q) => q.data).length })}
        </span>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="print-now"
        >
          {t('print.print')}
        </Button>
        <LanguageSwitch />
      </nav>
      {forms.map((q, i) =>
        q.data ? (
          <section key={ids[i]} className="uf-print-batch-item">
            <ApprovalFormSheet form={q.data} />
          </section>
        ) : (
          <div key={ids[i]} className="uf-print-toolbar">
            <ProblemAlert error={q.error} />
          </div>
        ),
      )}
    </main>
  );
}
