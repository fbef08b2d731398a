import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { exposeDesktopApis } from './expose.ts';

// window.archive (the contract's methods), window.archiveEvents, window.archiveFiles and
// window.archiveSharing; nothing else of Electron or Node reaches the page.
exposeDesktopApis(contextBridge, ipcRenderer, webUtils);
