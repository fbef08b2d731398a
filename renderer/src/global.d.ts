/// <reference types="vite/client" />
import type { ArchiveBridge } from '../../archive/api/bridge.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the UI is served over HTTP. */
    archive?: ArchiveBridge;
  }
}
