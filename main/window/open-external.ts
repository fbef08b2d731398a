import { dialog, shell, type BrowserWindow } from 'electron';
import type { UiStrings } from '../i18n/strings.ts';

/**
 * Opens an allowed external link (see `isAllowedExternalUrl`) in the user's browser or mail client,
 * but only after they confirm: a link in an imported article could otherwise launch the browser on
 * any page the moment it is clicked. The dialog shows the normalised URL, with any non-ASCII host
 * in punycode, so the user sees where it really goes. This is the app's only call to openExternal.
 */
export async function confirmAndOpenExternal(
  window: BrowserWindow,
  url: string,
  strings: Pick<UiStrings, 'openLinkQuestion' | 'openLinkOpen' | 'openLinkCancel'>,
): Promise<void> {
  const href = new URL(url).href;
  try {
    const { response } = await dialog.showMessageBox(window, {
      type: 'question',
      buttons: [strings.openLinkOpen, strings.openLinkCancel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      message: strings.openLinkQuestion,
      detail: href,
    });
    if (response === 0) await shell.openExternal(href);
  } catch (error) {
    // Nothing to return to (a click handler started this); the user simply sees nothing open.
    console.error(`Could not open ${href}:`, error);
  }
}
