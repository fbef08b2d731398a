import { APP_INDEX_URL } from '../protocol/app-url.ts';
import { appOriginOf } from '../policy/navigation.ts';

/** Where the window's pages come from, and what the policies treat as the app's own. */
export interface RendererSource {
  /** The page the window loads. */
  url: string;
  /** The prefix the app's pages live under, for `isAppUrl`. */
  appOrigin: string;
  /** The dev server's origin in development, the one network peer the renderer may reach; else null. */
  devServerOrigin: string | null;
}

/**
 * The dev server named by electron-vite in development, else the built renderer served from
 * `app://archive-reader/`. A packaged app ignores the environment variable: otherwise anyone who
 * can set it could make the app load, and hand the archive API to, a page of their choosing.
 */
export function rendererSource(options: { isPackaged: boolean; devServerUrl: string | undefined }): RendererSource {
  if (!options.isPackaged && options.devServerUrl) {
    const devServer = new URL(options.devServerUrl);
    if (devServer.protocol !== 'http:' && devServer.protocol !== 'https:') {
      throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL, not ${options.devServerUrl}`);
    }
    return { url: devServer.href, appOrigin: appOriginOf(devServer.href), devServerOrigin: devServer.origin };
  }
  return { url: APP_INDEX_URL, appOrigin: appOriginOf(APP_INDEX_URL), devServerOrigin: null };
}
