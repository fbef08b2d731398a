import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupReportValue } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';

const SEEN_KEY = 'archive-reader.startup-report-seen';

/** A short fingerprint of a report, so that the same report is shown once, not at every reload. */
function fingerprint(report: StartupReportValue): string {
  let hash = 5381;
  for (const char of report.messages.join('\n')) hash = (Math.imul(hash, 33) + char.charCodeAt(0)) >>> 0;
  return `${report.outcome}:${hash.toString(36)}`;
}

/**
 * What opening the archive found and did after an unclean exit (checked, index rebuilt, a backup
 * restored and what was salvaged), shown once as a banner until dismissed. Nothing after a clean
 * exit; nothing where the report is not available (a device reading the archive over the LAN).
 */
export function StartupBanner() {
  const { t } = useTranslation();
  const [report, setReport] = useState<StartupReportValue | null>(null);

  useEffect(() => {
    archive
      .getStartupReport({})
      .then((value) => {
        if (value.outcome !== 'clean' && localStorage.getItem(SEEN_KEY) !== fingerprint(value)) setReport(value);
      })
      // The banner is a courtesy: without the report, the app works as usual.
      .catch(() => undefined);
  }, []);

  if (!report) return null;
  const serious = report.outcome === 'restored' || report.outcome === 'reindexed';
  return (
    <div className="notice startup-banner" role={serious ? 'alert' : 'status'} data-testid="startup-banner">
      <p>
        <strong>{t(`startup.${report.outcome}`)}</strong>
      </p>
      <ul>
        {report.messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          localStorage.setItem(SEEN_KEY, fingerprint(report));
          setReport(null);
        }}
      >
        {t('startup.dismiss')}
      </button>
    </div>
  );
}
