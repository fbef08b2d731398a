import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FONTS,
  FONT_SIZES,
  LINE_HEIGHTS,
  LINE_WIDTHS,
  THEMES,
  updateSettings,
  useSettings,
  type Settings,
} from '../settings.ts';

function Choice<K extends 'font' | 'lineWidth' | 'lineHeight' | 'theme'>({
  setting,
  values,
  legend,
  label,
}: {
  setting: K;
  values: readonly Settings[K][];
  legend: string;
  label: (value: Settings[K]) => string;
}) {
  const settings = useSettings();
  const name = useId();
  return (
    <fieldset className="segmented" data-testid={`setting-${setting}`}>
      <legend className="field-label">{legend}</legend>
      <div className="segmented-options">
        {values.map((value) => (
          <label key={value} className="segmented-option">
            <input
              type="radio"
              name={name}
              value={value}
              checked={settings[setting] === value}
              onChange={() => updateSettings({ [setting]: value } as Partial<Settings>)}
            />
            <span>{label(value)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The theme choice: system, light, sepia, dark. */
export function ThemeControl() {
  const { t } = useTranslation();
  return (
    <Choice setting="theme" values={THEMES} legend={t('settings.theme')} label={(value) => t(`themes.${value}`)} />
  );
}

/** Font, size, line width and line spacing of the reader (kept for every article). */
export function TypographyControls() {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const index = FONT_SIZES.indexOf(settings.fontSize);
  const sizeId = useId();
  return (
    <div className="typography-controls">
      <Choice
        setting="font"
        values={FONTS}
        legend={t('typography.font')}
        label={(value) => t(`typography.fonts.${value}`)}
      />
      <div className="size-control" role="group" aria-labelledby={sizeId}>
        <span className="field-label" id={sizeId}>
          {t('typography.size')}
        </span>
        <div className="stepper">
          <button
            type="button"
            className="button"
            data-testid="font-smaller"
            disabled={index <= 0}
            onClick={() => updateSettings({ fontSize: FONT_SIZES[index - 1] })}
          >
            <span aria-hidden="true">A−</span>
            <span className="visually-hidden">{t('typography.smaller')}</span>
          </button>
          <output className="stepper-value" data-testid="font-size" aria-live="polite">
            {new Intl.NumberFormat(i18n.language).format(settings.fontSize)} px
          </output>
          <button
            type="button"
            className="button"
            data-testid="font-larger"
            disabled={index >= FONT_SIZES.length - 1}
            onClick={() => updateSettings({ fontSize: FONT_SIZES[index + 1] })}
          >
            <span aria-hidden="true">A+</span>
            <span className="visually-hidden">{t('typography.larger')}</span>
          </button>
        </div>
      </div>
      <Choice
        setting="lineWidth"
        values={LINE_WIDTHS}
        legend={t('typography.width')}
        label={(value) => t(`typography.widths.${value}`)}
      />
      <Choice
        setting="lineHeight"
        values={LINE_HEIGHTS}
        legend={t('typography.spacing')}
        label={(value) => t(`typography.spacings.${value}`)}
      />
    </div>
  );
}
