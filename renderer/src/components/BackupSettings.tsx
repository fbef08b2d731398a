import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup, Output } from '../../../archive/api/contract.ts';
import { ApiError } from '../../../archive/api/envelope.ts';
import { archive } from '../api/archive.ts';
import { archiveChanged, useLoaded, useVersion } from '../app-state.ts';
import { formatNumber } from '../format.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ConfirmDialog } from './Modal.tsx';

const megabytes = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
    bytes / 1048576,
  );

const dateTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** daily, manual, before-schema-N: the words for each in the UI language. */
function reasonKey(reason: string) {
  if (reason === 'daily') return 'backups.reasons.daily' as const;
  if (reason === 'manual') return 'backups.reasons.manual' as const;
  return reason.startsWith('before-schema')
    ? ('backups.reasons.migration' as const)
    : ('backups.reasons.other' as const);
}

/**
 * Settings › Backups: the archive's backups (newest first, with their dates and sizes), a backup
 * on demand, restoring one after a confirmation that says what happens, and a check of the archive
 * with its result. These only answer on the computer that holds the archive.
 */
export function BackupSettings() {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState(0);
  const articlesVersion = useVersion('articles');
  const backups = useLoaded(() => archive.listBackups({}), [version, articlesVersion]);
  const [busy, setBusy] = useState<'backup' | 'restore' | 'check' | null>(null);
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [check, setCheck] = useState<Output<'checkArchive'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const language = i18n.language;

  async function run<T>(kind: 'backup' | 'restore' | 'check', action: () => Promise<T>): Promise<T | null> {
    setBusy(kind);
    setError(null);
    setOutcome(null);
    try {
      return await action();
    } catch (caught) {
      setError(caught);
      return null;
    } finally {
      setBusy(null);
      setVersion((v) => v + 1);
    }
  }

  const localOnly = backups.error instanceof ApiError && backups.error.code === 'forbidden';
  return (
    <section className="settings-section" aria-labelledby="settings-backups" data-testid="backup-settings">
      <h2 id="settings-backups">{t('backups.title')}</h2>
      <p className="field-hint">{t('backups.hint')}</p>
      {localOnly ? (
        <p className="field-hint" data-testid="backups-local-only">
          {t('backups.localOnly')}
        </p>
      ) : (
        <>
          {backups.value && backups.value.length === 0 && <p data-testid="backups-empty">{t('backups.none')}</p>}
          {backups.value && backups.value.length > 0 && (
            <ul className="backup-list" data-testid="backup-list">
              {backups.value.map((backup) => (
                <li key={backup.name} className="backup-row" data-testid="backup-row" data-name={backup.name}>
                  <span>
                    <strong>{dateTime(backup.takenAt, language)}</strong> · {t(reasonKey(backup.reason))} ·{' '}
                    {megabytes(backup.bytes, language)}
                  </span>
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="restore-backup"
                    disabled={busy !== null}
                    onClick={() => setConfirming(backup)}
                  >
                    {t('backups.restore')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="backup-actions">
            <button
              type="button"
              className="button"
              data-testid="backup-now"
              disabled={busy !== null}
              onClick={() =>
                void run('backup', async () => {
                  const backup = await archive.backupNow({});
                  setOutcome(
                    t('backups.done', {
                      date: dateTime(backup.takenAt, language),
                      size: megabytes(backup.bytes, language),
                    }),
                  );
                })
              }
            >
              {busy === 'backup' ? t('backups.backingUp') : t('backups.backUpNow')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="check-archive"
              disabled={busy !== null}
              onClick={() => void run('check', async () => setCheck(await archive.checkArchive({})))}
            >
              {busy === 'check' ? t('backups.checking') : t('backups.check')}
            </button>
          </div>
          {busy === 'restore' && <p aria-live="polite">{t('backups.restoring')}</p>}
          {outcome && (
            <p className="notice" role="status" data-testid="backup-outcome">
              {outcome}
            </p>
          )}
          {check && <CheckResult check={check} />}
          {(error ?? (localOnly ? null : backups.error)) && <ErrorMessage error={error ?? backups.error} />}
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('backups.restoreTitle')}
          testId="restore-dialog"
          danger
          body={<p>{t('backups.restoreBody', { date: dateTime(confirming.takenAt, language) })}</p>}
          confirm={t('backups.restoreConfirm')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const backup = confirming;
            setConfirming(null);
            void run('restore', async () => {
              const restored = await archive.restoreBackup({ name: backup.name });
              // Everything the page shows may have changed.
              archiveChanged();
              setOutcome(
                t('backups.restored', {
                  date: dateTime(restored.restoredFrom.takenAt, language),
                  count: formatNumber(restored.articles, language),
                  path: restored.replacedPath ?? '',
                }),
              );
            });
          }}
        />
      )}
    </section>
  );
}

function CheckResult({ check }: { check: Output<'checkArchive'> }) {
  const { t, i18n } = useTranslation();
  if (check.ok) {
    return (
      <p className="notice" role="status" data-testid="check-result" data-ok="true">
        {t('backups.checkOk', { count: formatNumber(check.articles ?? 0, i18n.language) })}
      </p>
    );
  }
  return (
    <div className="notice" role="alert" data-testid="check-result" data-ok="false">
      <p>{t('backups.checkBad')}</p>
      <ul>
        {[...check.database, ...check.fullText].slice(0, 10).map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
        {check.unindexed > 0 && <li>{t('backups.checkUnindexed', { count: check.unindexed })}</li>}
      </ul>
      <p>{t('backups.checkAdvice')}</p>
    </div>
  );
}
