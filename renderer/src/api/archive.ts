import type { ArchiveApi } from '../../../archive/api/contract.ts';
import { bridgeFrom, clientFromBridge } from '../../../archive/api/bridge.ts';
import { httpTransport } from './http-client.ts';
import { noteRefusal, storedToken } from './serve-access.ts';

/** Electron's preload provides the bridge; without it the page was served by `archive-reader serve`. */
export const archive: ArchiveApi = clientFromBridge(
  window.archive ?? bridgeFrom(httpTransport('/api/', storedToken, noteRefusal)),
);
