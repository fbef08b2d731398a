import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { denyDevicePermission, denyPermissionCheck, denyPermissionRequest } from '../../main/policy/permissions.ts';

const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'hid',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'persistent-storage',
  'pointerLock',
  'serial',
  'usb',
  'window-management',
  'unknown',
];

describe('permission handlers', () => {
  it('refuse every permission request, exactly once and at once', () => {
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = [];
      denyPermissionRequest({}, permission, (granted) => answers.push(granted));
      assert.deepEqual(answers, [false], permission);
    }
  });

  it('report every permission as not granted', () => {
    assert.equal(denyPermissionCheck(), false);
  });

  it('refuse every device', () => {
    assert.equal(denyDevicePermission(), false);
  });
});
