import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanSharingState } from '../../../preload/desktop-api.ts';
import { forgetToken, storedToken } from '../api/serve-access.ts';
import { updateSettings, useSettings } from '../settings.ts';

/**
 * Settings › Local network: text-only reading (any device), and on the desktop the switch that
 * shares the archive with phones and other computers of the local network.
 */
export function LanSharingSettings() {
  const { t } = useTranslation();
  const { textOnly } = useSettings();

  return (
    <section className="settings-section" aria-labelledby="settings-network" data-testid="network-settings">
      <h2 id="settings-network">{t('sharing.title')}</h2>
      <div className="field">
        <label className="check-row">
          <input
            type="checkbox"
            role="switch"
            data-testid="text-only-switch"
            checked={textOnly}
            onChange={(event) => updateSettings({ textOnly: event.target.checked })}
          />
          <span>{t('sharing.textOnly')}</span>
        </label>
        <p className="field-hint">{t('sharing.textOnlyHint')}</p>
      </div>
      {window.archiveSharing ? <DesktopSharing sharing={window.archiveSharing} /> : <ServedAccess />}
    </section>
  );
}

/** Served over HTTP: whether this browser holds the write link. */
function ServedAccess() {
  const { t } = useTranslation();
  const [token, setToken] = useState(storedToken);
  if (!token) return null;
  return (
    <div className="field" data-testid="write-access">
      <p className="field-hint">{t('sharing.hasWriteLink')}</p>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          forgetToken();
          setToken(null);
        }}
      >
        {t('sharing.forgetWriteLink')}
      </button>
    </div>
  );
}

function DesktopSharing({ sharing }: { sharing: NonNullable<Window['archiveSharing']> }) {
  const { t } = useTranslation();
  const [state, setState] = useState<LanSharingState | null>(null);
  const [busy, setBusy] = useState(false);
  const [writes, setWrites] = useState(false);
  const hintId = useId();

  useEffect(() => {
    void sharing.state().then((current) => {
      setState(current);
      setWrites(current.writes);
    });
  }, [sharing]);

  const run = async (change: Promise<LanSharingState>) => {
    setBusy(true);
    try {
      setState(await change);
    } finally {
      setBusy(false);
    }
  };

  const problem =
    state?.problem === 'no_private_address'
      ? state.detail
        ? t('sharing.noPrivateAddressDetail', { detail: state.detail })
        : t('sharing.noPrivateAddress')
      : state?.problem === 'failed'
        ? t('sharing.failed', { detail: state.detail ?? '' })
        : null;

  return (
    <div className="lan-sharing" data-testid="lan-sharing">
      <div className="field">
        <label className="check-row">
          <input
            type="checkbox"
            role="switch"
            data-testid="share-switch"
            aria-describedby={hintId}
            disabled={busy || state === null}
            checked={state?.running ?? false}
            onChange={(event) => void run(event.target.checked ? sharing.start({ writes }) : sharing.stop())}
          />
          <span>{t('sharing.share')}</span>
        </label>
        <p className="field-hint" id={hintId}>
          {t('sharing.shareHint')}
        </p>
        <label className="check-row">
          <input
            type="checkbox"
            data-testid="share-writes"
            disabled={busy}
            checked={writes}
            onChange={(event) => {
              setWrites(event.target.checked);
              if (state?.running) void run(sharing.start({ writes: event.target.checked }));
            }}
          />
          <span>{t('sharing.allowWrites')}</span>
        </label>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {state?.running && (
        <div className="lan-address" data-testid="lan-address">
          <p>{t('sharing.openAddress')}</p>
          <ul className="lan-urls">
            {state.urls.map((url) => (
              <li key={url}>
                <code>{url}</code>
              </li>
            ))}
          </ul>
          {state.qrCode && (
            <img className="lan-qr" src={state.qrCode} alt={t('sharing.qrAlt', { url: state.urls[0] })} />
          )}
          {state.writeLink ? (
            <p className="field-hint">
              {t('sharing.writeLink')} <code className="lan-write-link">{state.writeLink}</code>
            </p>
          ) : (
            <p className="field-hint">{t('sharing.readOnly')}</p>
          )}
        </div>
      )}
    </div>
  );
}
