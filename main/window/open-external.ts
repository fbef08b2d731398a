import { dialog, shell, type BrowserWindow } from 'electron';

/**
 * Opens an allowed external link (see `isAllowedExternalUrl`) in the user's browser or mail client,
 * but only after they confirm: a link in an imported article could otherwise launch the browser on
 * any page the moment it is clicked. The dialog shows the normalised URL, with any non-ASCII host
 * in punycode, so the user sees where it really goes.
 */
export async function confirmAndOpenExternal(window: BrowserWindow, url: string): Promise<void> {
  const href = new URL(url).href;
  try {
    const { response } = await dialog.showMessageBox(window, {
      type: 'question',
      buttons: ['Open', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      message: 'Open this link outside Archive Reader?',
      detail: href,
    });
    if (response === 0) await shell.openExternal(href);
  } catch (error) {
    // Nothing to return to (a click handler started this); the user simply sees nothing open.
    console.error(`Could not open ${href}:`, error);
  }
}
