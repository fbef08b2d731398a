import type { Session } from 'electron';
import { withContentSecurityPolicy } from '../policy/content-security.ts';
import { isRequestAllowed } from '../policy/network.ts';
import { isAppPage } from '../policy/navigation.ts';
import { denyDevicePermission, denyPermissionCheck, denyPermissionRequest } from '../policy/permissions.ts';
import type { RendererSource } from './renderer-source.ts';

/**
 * Applies the app's policies to a window's session. Electron keeps one listener per webRequest
 * event, so applying them again (for a second window) replaces rather than stacks them.
 */
export function hardenSession(session: Session, source: RendererSource): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, source.devServerOrigin) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback(
      isAppPage(details.url, source.appOrigin)
        ? { responseHeaders: withContentSecurityPolicy(details.responseHeaders) }
        : {},
    );
  });
}
