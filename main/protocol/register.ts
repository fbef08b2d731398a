import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-url.ts';
import { serveAppRequest, type ServeOptions } from './serve-app-file.ts';

/** Declares `app:` privileged; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** Serves `app://archive-reader/` from the built renderer and the media folder (see serveAppRequest). */
export function handleAppProtocol(options: ServeOptions): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, options));
}
