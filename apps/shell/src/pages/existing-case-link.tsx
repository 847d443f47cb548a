import { ApiError } from '@unionflow/ui';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** For a refusal that names an open case (a household's open file): a link to that case, else nothing. */
export function ExistingCaseLink({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || !error.existingCase) return null;
  const { id, number } = error.existingCase;
  return (
    // Below the alert, not in its action slot: at phone width the slot squeezes the message.
    <div style={{ marginTop: 8 }}>
      <Link to={`/cases/${encodeURIComponent(id)}`} data-testid="existing-case-link">
        <Button>{t('newCase.openExisting', { number })}</Button>
      </Link>
    </div>
  );
}
