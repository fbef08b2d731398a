import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { archive } from '../api/archive.ts';
import { useLoaded, useVersion } from '../app-state.ts';
import { capitalize, formatBytes, formatNumber, languageName } from '../format.ts';
import { UI_LANGUAGES } from '../i18n/index.ts';
import { nativeName } from '../i18n/languages.ts';
import { updateSettings, useSettings } from '../settings.ts';
import { BackupSettings } from './BackupSettings.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { LanSharingSettings } from './LanSharingSettings.tsx';
import { ThemeControl, TypographyControls } from './TypographyControls.tsx';

/** The UI language, the theme, the reader's defaults, and what the archive holds. */
export function SettingsView() {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const version = useVersion('articles');
  const stats = useLoaded(() => archive.getStats({}), [version]).value;
  const languageId = useId();
  const desktop = typeof window.archiveFiles !== 'undefined';

  return (
    <section className="settings-view" aria-labelledby="view-title">
      <title>{`${t('settings.title')} – ${t('app.name')}`}</title>
      <div className="view-heading">
        <h1 id="view-title">{t('settings.title')}</h1>
      </div>

      <section className="settings-section" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">{t('settings.appearance')}</h2>
        <div className="field">
          <label className="field-label" htmlFor={languageId}>
            {t('settings.language')}
          </label>
          <span className="select-wrap">
            <select
              id={languageId}
              className="text-input"
              data-testid="language-select"
              value={UI_LANGUAGES.includes(settings.language) ? settings.language : 'auto'}
              onChange={(event) => updateSettings({ language: event.target.value })}
            >
              <option value="auto">{t('settings.languageAuto')}</option>
              {UI_LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {nativeName(language)}
                </option>
              ))}
            </select>
          </span>
          <p className="field-hint">{t('settings.languageHint')}</p>
        </div>
        <ThemeControl />
      </section>

      <section className="settings-section" aria-labelledby="settings-reader">
        <h2 id="settings-reader">{t('settings.reader')}</h2>
        <TypographyControls />
        <p className="reader-sample" data-testid="reader-sample">
          {t('settings.sample')}
        </p>
      </section>

      <LanSharingSettings />

      <ImportHistory />

      <BackupSettings />

      <section className="settings-section" aria-labelledby="settings-archive">
        <h2 id="settings-archive">{t('settings.archive')}</h2>
        {stats && (
          <dl className="stats" data-testid="archive-stats">
            <div>
              <dt>{t('settings.articles')}</dt>
              <dd data-testid="stats-articles">{formatNumber(stats.articles, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('settings.size')}</dt>
              <dd data-testid="stats-size">{formatBytes(stats.bytes, i18n.language)}</dd>
            </div>
            {stats.languages.map(({ lang, count }) => (
              <div key={lang ?? ''}>
                <dt>{lang ? capitalize(languageName(lang, i18n.language), i18n.language) : t('facets.unknown')}</dt>
                <dd>{formatNumber(count, i18n.language)}</dd>
              </div>
            ))}
            {stats.location !== null && (
              <div className="stats-location">
                <dt>{t('settings.location')}</dt>
                <dd data-testid="stats-location" dir="ltr">
                  {stats.location}
                </dd>
              </div>
            )}
          </dl>
        )}
        <p className="field-hint">{desktop ? t('settings.importDesktop') : t('settings.importServe')}</p>
      </section>
    </section>
  );
}
