/**
 * The app reads a local archive: it needs no camera, microphone, location, notifications, clipboard
 * reads, devices or anything else a page can ask for. Every request and check is refused, so no
 * imported page can obtain one even if it ran script.
 */

/** For `session.setPermissionRequestHandler`. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (permissionGranted: boolean) => void,
): void {
  callback(false);
}

/** For `session.setPermissionCheckHandler`. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** For `session.setDevicePermissionHandler` (HID, serial, USB). */
export function denyDevicePermission(): boolean {
  return false;
}
