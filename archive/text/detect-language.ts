const SAMPLE_LENGTH = 2000;

export type LanguageDetector = (text: string) => string | null;

let detector: Promise<LanguageDetector> | null = null;

/**
 * The language detector (eld), loaded on first use: its n-gram tables take a third of a second to
 * load, which commands that never import should not pay.
 */
export function languageDetector(): Promise<LanguageDetector> {
  detector ??= import('eld/small').then(({ eld }) => (text: string) => {
    const sample = text.slice(0, SAMPLE_LENGTH);
    if (!/\p{L}/u.test(sample)) return null;
    const result = eld.detect(sample);
    return result.language && result.isReliable() ? result.language : null;
  });
  return detector;
}
