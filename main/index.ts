import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { APP_NAME, defaultArchivePath, userDataFolder } from '../archive/paths.ts';
import { generateToken } from '../archive/serve/lan.ts';
import { startServer } from '../archive/serve/server.ts';
import { startArchiveHost, type ArchiveHost } from '../archive/service/host.ts';
import { describeStartup } from '../archive/safety/startup-check.ts';
import type { ArchiveChange } from '../preload/desktop-api.ts';
import { formatLoopDelayLine, startLoopDelayMonitor } from './diagnostics/loop-delay.ts';
import { uiStrings } from './i18n/translations.ts';
import { importCommands } from './import/import-commands.ts';
import {
  OpenQueue,
  isOpenablePath,
  openablePathsFromArgv,
  openablePathsFromSecondInstance,
  type SecondInstanceData,
} from './import/open-requests.ts';
import { broadcastArchiveChange } from './ipc/archive-events.ts';
import { registerArchiveIpc } from './ipc/register.ts';
import { registerSaveDialogIpc } from './ipc/save-dialog.ts';
import { registerSharingIpc } from './ipc/sharing-ipc.ts';
import { applicationMenuTemplate } from './menu/app-menu.ts';
import { mediaFolderBeside } from './protocol/app-url.ts';
import { handleAppProtocol, registerAppScheme } from './protocol/register.ts';
import { createWindow, type WindowContext } from './window/create-window.ts';
import { rendererSource } from './window/renderer-source.ts';
import { LanSharing } from './sharing/lan-sharing.ts';
import { WINDOW_STATE_FILE_NAME } from './window/window-state-file.ts';

// First, so the whole run is measured (only with ARCHIVE_READER_LOOP_STATS=1).
const loopMonitor = startLoopDelayMonitor();

// A worker that does not finish closing within this long is abandoned: SQLite's journal keeps the
// archive consistent, and a stuck worker must not keep the app from quitting.
const HOST_CLOSE_TIMEOUT_MS = 5000;

// Before anything reads userData (the single-instance lock is keyed on it): Electron's data folder
// is then the very folder the CLI takes its default archive from, whatever package.json says.
app.setName(APP_NAME);
app.setPath('userData', userDataFolder());
app.enableSandbox();
// Privileged schemes must be declared before the app is ready.
registerAppScheme();

const source = rendererSource({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
const archivePath = defaultArchivePath();
// Files the app is asked to open wait here until the archive and the window are ready.
const opens = new OpenQueue();

let host: ArchiveHost | undefined;
let unregisterIpc: (() => void) | undefined;
let sharing: LanSharing | undefined;
let unregisterSharing: (() => void) | undefined;
let unregisterSaveDialog: (() => void) | undefined;

async function start(): Promise<void> {
  const strings = uiStrings(app.getLocale());
  handleAppProtocol({
    // The build puts the renderer beside main: out/renderer next to out/main/index.js.
    roots: { renderer: join(import.meta.dirname, '../renderer'), media: mediaFolderBeside(archivePath) },
    extraInitiators: source.devServerOrigin ? [source.devServerOrigin] : [],
  });
  app.setAboutPanelOptions({
    applicationName: APP_NAME,
    applicationVersion: app.getVersion(),
    credits: strings.aboutCredits,
  });

  host = await startArchiveHost({
    archivePath,
    // The build bundles the workers beside main: out/main/archive-worker.js, out/main/extraction-worker.js.
    workerUrl: new URL('./archive-worker.js', import.meta.url),
    extractionWorkerUrl: new URL('./extraction-worker.js', import.meta.url),
  });
  // What opening the archive found and did (a check after a crash, a repair, a restored backup): logged
  // here, and shown in the window as a banner (the renderer asks for it with getStartupReport).
  for (const line of describeStartup(host.startup)) console.warn(`archive-reader: ${line}`);
  const onChange = (change: ArchiveChange) => broadcastArchiveChange(change, source.appOrigin);
  unregisterIpc = registerArchiveIpc(host, source.appOrigin, onChange);
  sharing = new LanSharing({
    host,
    uiDir: join(import.meta.dirname, '../renderer'),
    interfaces: networkInterfaces,
    startServer,
    makeToken: generateToken,
  });
  unregisterSharing = registerSharingIpc(sharing, source.appOrigin);
  unregisterSaveDialog = registerSaveDialogIpc(source.appOrigin);
  const imports = importCommands({ host, strings, onChange });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        strings,
        isDev: !app.isPackaged,
        platform: process.platform,
        actions: { importFiles: () => void imports.importFiles(), importFolder: () => void imports.importFolder() },
      }),
    ),
  );

  const context: WindowContext = { source, strings, stateFile: join(app.getPath('userData'), WINDOW_STATE_FILE_NAME) };
  const window = createWindow(context);
  // Opened files are imported once there is a window to report to.
  window.once('ready-to-show', () => opens.start((paths) => void imports.importPaths(paths)));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(context);
  });
}

// Files named on this instance's command line (an associated file double-clicked on Windows or Linux).
const openPaths = openablePathsFromArgv(process.argv, process.cwd());

// A second instance would open a second writer on the same archive; it hands its files to the first.
if (!app.requestSingleInstanceLock({ openPaths } satisfies SecondInstanceData)) {
  app.quit();
} else {
  opens.add(openPaths);

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    opens.add(openablePathsFromSecondInstance(argv, workingDirectory, additionalData));
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  // macOS: a file dropped on the dock icon or opened from the Finder, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (isOpenablePath(path)) opens.add([path]);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.once('will-quit', () => {
    if (loopMonitor) console.log(formatLoopDelayLine(loopMonitor.stop()));
  });

  app.on('will-quit', (event) => {
    const closing = host;
    if (!closing) return;
    event.preventDefault();
    host = undefined;
    unregisterIpc?.();
    unregisterSharing?.();
    unregisterSaveDialog?.();
    // Phones lose the server before the archive closes under it.
    const closed = (sharing?.stop() ?? Promise.resolve()).then(() => closing.close());
    void Promise.race([closed, delay(HOST_CLOSE_TIMEOUT_MS)]).finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(`${APP_NAME} could not open its archive`, `${archivePath}\n\n${message}`);
      app.quit();
    });
}
