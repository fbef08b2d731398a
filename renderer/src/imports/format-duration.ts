/** "45 s", "3 min", "1 h 20 min" in the UI language (Intl's units, narrow). */
export function formatDuration(seconds: number, uiLanguage: string): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(uiLanguage, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return unit(whole, 'second');
  if (whole < 3600) return unit(Math.round(whole / 60), 'minute');
  const hours = Math.floor(whole / 3600);
  const minutes = Math.round((whole % 3600) / 60);
  return minutes ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
}

/** The file's own name, without its folders. */
export const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;
