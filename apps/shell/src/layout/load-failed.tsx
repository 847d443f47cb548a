import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './plain.css';

/** What the user sees when the signed-in screens could not be fetched (network, a deploy in progress). */
function LoadFailedNotice() {
  const { t } = useTranslation();
  return (
    <div className="uf-center" role="alert">
      <p>{t('loadFailed')}</p>
      {/* A failed lazy import stays failed in React, so trying again means loading the page again. */}
      <button type="button" className="uf-button" onClick={() => window.location.reload()}>
        {t('action.retry')}
      </button>
    </div>
  );
}

/** Catches a failed fetch of the signed-in screens instead of leaving a blank page. */
export class LoadFailed extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <LoadFailedNotice /> : this.props.children;
  }
}
