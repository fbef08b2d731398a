import { useTranslation } from 'react-i18next';
import { dismissRefusal, useWriteRefused } from '../api/serve-access.ts';

/**
 * Shown once the server refused a change from this device (an archive shared read-only over the
 * LAN): says why the bookmark or tag did not stick, and how to get write access.
 */
export function ReadOnlyNotice() {
  const { t } = useTranslation();
  const refused = useWriteRefused();
  if (!refused) return null;
  return (
    <div className="notice read-only-notice" role="alert" data-testid="read-only-notice">
      <p>{t('sharing.readOnlyNotice')}</p>
      <p>{t('sharing.readOnlyHelp')}</p>
      <button type="button" className="button button-small" onClick={dismissRefusal}>
        {t('sharing.dismiss')}
      </button>
    </div>
  );
}
