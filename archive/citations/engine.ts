import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import chicagoAuthorDate from './csl-data/chicago-author-date.ts';
import frenchLocale from './csl-data/locales-fr-FR.ts';

/** The CSL styles the app formats with: APA ships with citation-js, Chicago is ours (csl-data/). */
export const CSL_STYLES = { apa: 'apa', chicago: 'chicago-author-date' } as const;

let configured = false;

/** citation-js with its BibTeX, RIS and CSL plugins, the Chicago style and the French locale registered once. */
export function citationJs(): { Cite: typeof Cite } {
  if (!configured) {
    const csl = plugins.config.get('@csl');
    if (!csl.styles.has(CSL_STYLES.chicago)) csl.styles.add(CSL_STYLES.chicago, chicagoAuthorDate);
    if (!csl.locales.has('fr-FR')) csl.locales.add('fr-FR', frenchLocale);
    // Titles in Arabic or any script past Latin-1 would be dropped by the ASCII-only escaping; BibLaTeX
    // and biber read UTF-8.
    plugins.config.get('@bibtex').format.asciiOnly = false;
    configured = true;
  }
  return { Cite };
}
