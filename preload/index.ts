import { contextBridge, ipcRenderer } from 'electron';
import { bridgeFrom } from '../archive/api/bridge.ts';
import { ARCHIVE_CALL_CHANNEL } from './channel.ts';

// Only the contract's methods, each answering main's envelope; nothing else of Electron or Node reaches the page.
contextBridge.exposeInMainWorld(
  'archive',
  bridgeFrom((method, args) => ipcRenderer.invoke(ARCHIVE_CALL_CHANNEL, method, args)),
);
