import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContextBridge, IpcRenderer, WebUtils } from 'electron';
import { METHOD_NAMES } from '../../archive/api/methods.ts';
import {
  ARCHIVE_CALL_CHANNEL,
  ARCHIVE_CHANGED_CHANNEL,
  SHARING_START_CHANNEL,
  SHARING_STATE_CHANNEL,
  SHARING_STOP_CHANNEL,
} from '../../preload/channel.ts';
import type { ArchiveChange, ArchiveEvents, ArchiveFiles, ArchiveSharing } from '../../preload/desktop-api.ts';
import { EXPOSED_GLOBALS, exposeDesktopApis } from '../../preload/expose.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Stand-ins for the three Electron objects the preload uses, recording what it does with them. */
function fakes() {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
  } as unknown as Pick<ContextBridge, 'exposeInMainWorld'>;
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: 'answer' };
    },
    on(channel: string, listener: Listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return this;
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
      return this;
    },
  } as unknown as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
  const file = { name: 'dropped.txt' } as unknown as File;
  const webUtils = {
    getPathForFile: (given: File) => (given === file ? '/home/user/dropped.txt' : ''),
  } as Pick<WebUtils, 'getPathForFile'>;
  exposeDesktopApis(contextBridge, ipcRenderer, webUtils);
  const emit = (channel: string, ...args: unknown[]) => {
    const ipcEvent = { sender: ipcRenderer, ports: [] };
    for (const listener of listeners.get(channel) ?? []) listener(ipcEvent, ...args);
  };
  return { exposed, invoked, listeners, emit, file };
}

describe('the preload’s globals', () => {
  it('exposes window.archive, window.archiveEvents, window.archiveFiles and window.archiveSharing, and nothing else', () => {
    const { exposed } = fakes();
    assert.deepEqual([...exposed.keys()], [...EXPOSED_GLOBALS]);
    assert.deepEqual([...EXPOSED_GLOBALS], ['archive', 'archiveEvents', 'archiveFiles', 'archiveSharing']);
  });

  it('gives window.archive exactly the contract’s methods, each sent over the call channel', async () => {
    const { exposed, invoked } = fakes();
    const archive = exposed.get('archive') as Record<string, (args: unknown) => Promise<unknown>>;
    assert.deepEqual(Object.keys(archive).sort(), [...METHOD_NAMES].sort());
    assert.deepEqual(await archive.getStats!({}), { ok: true, value: 'answer' });
    assert.deepEqual(invoked, [[ARCHIVE_CALL_CHANNEL, 'getStats', {}]]);
  });

  it('relays archive changes to listeners with the change alone, never the IPC event', () => {
    const { exposed, emit, listeners } = fakes();
    const events = exposed.get('archiveEvents') as ArchiveEvents;
    assert.deepEqual(Object.keys(events), ['onChanged']);
    const received: unknown[][] = [];
    const stop = events.onChanged((...args: unknown[]) => received.push(args));
    emit(ARCHIVE_CHANGED_CHANNEL, { reason: 'import', imported: 2, extra: 'dropped' });
    assert.deepEqual(received, [[{ reason: 'import', imported: 2 } satisfies ArchiveChange]]);
    stop();
    emit(ARCHIVE_CHANGED_CHANNEL, { reason: 'import', imported: 5 });
    assert.equal(received.length, 1);
    assert.equal(listeners.get(ARCHIVE_CHANGED_CHANNEL)?.size, 0);
  });

  it('ignores malformed changes and refuses a listener that is not a function', () => {
    const { exposed, emit } = fakes();
    const events = exposed.get('archiveEvents') as ArchiveEvents;
    const received: unknown[] = [];
    events.onChanged((change) => received.push(change));
    for (const bad of [
      undefined,
      null,
      'import',
      { reason: 'other', imported: 1 },
      { reason: 'import', imported: -1 },
    ]) {
      emit(ARCHIVE_CHANGED_CHANNEL, bad);
    }
    emit(ARCHIVE_CHANGED_CHANNEL, { reason: 'import', imported: 1.5 });
    assert.deepEqual(received, []);
    assert.throws(() => events.onChanged('alert(1)' as unknown as () => void), TypeError);
  });

  it('gives a dropped file’s path through webUtils', () => {
    const { exposed, file } = fakes();
    const files = exposed.get('archiveFiles') as ArchiveFiles;
    assert.deepEqual(Object.keys(files), ['pathForFile', 'chooseSavePath']);
    assert.equal(files.pathForFile(file), '/home/user/dropped.txt');
    assert.equal(files.pathForFile({} as File), '');
  });

  it('gives window.archiveSharing state, start and stop, sending main nothing but a boolean', async () => {
    const { exposed, invoked } = fakes();
    const sharing = exposed.get('archiveSharing') as ArchiveSharing;
    assert.deepEqual(Object.keys(sharing), ['state', 'start', 'stop']);
    await sharing.state();
    await sharing.start({ writes: true });
    await sharing.start({ writes: 'yes' as unknown as boolean });
    await sharing.start(undefined as unknown as { writes: boolean });
    await sharing.stop();
    assert.deepEqual(invoked, [
      [SHARING_STATE_CHANNEL],
      [SHARING_START_CHANNEL, true],
      [SHARING_START_CHANNEL, false],
      [SHARING_START_CHANNEL, false],
      [SHARING_STOP_CHANNEL],
    ]);
  });
});
