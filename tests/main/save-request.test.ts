import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saveDialogRequest } from '../../main/ipc/save-request.ts';

describe('the save dialog’s request from the page', () => {
  it('takes a title, a file name (never a path) and a plain ending', () => {
    assert.deepEqual(saveDialogRequest('Save the bundle', 'Sahel-2026-11-25.bundle', 'bundle'), {
      title: 'Save the bundle',
      defaultName: 'Sahel-2026-11-25.bundle',
      extension: 'bundle',
    });
    assert.equal(saveDialogRequest('t', '../../etc/passwd', 'bundle')?.defaultName, '.._.._etc_passwd');
    assert.equal(saveDialogRequest('t', 'C:\\Windows\\x\u0000.bundle', 'bundle')?.defaultName, 'C__Windows_x_.bundle');
  });

  it('refuses anything else', () => {
    assert.equal(saveDialogRequest(1, 'a.bundle', 'bundle'), null);
    assert.equal(saveDialogRequest('t', 'a.bundle', 'bun dle'), null);
    assert.equal(saveDialogRequest('t', 'a.bundle', '../x'), null);
    assert.equal(saveDialogRequest('t'.repeat(201), 'a.bundle', 'bundle'), null);
  });
});
