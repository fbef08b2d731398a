import { useTranslation } from 'react-i18next';
import { searchShortcut } from '../platform.ts';
import { Modal } from './Modal.tsx';

const GROUPS = [
  {
    name: 'everywhere',
    keys: [
      ['/', 'search'],
      [searchShortcut, 'search'],
      ['?', 'help'],
    ],
  },
  {
    name: 'lists',
    keys: [
      ['j', 'next'],
      ['k', 'previous'],
      ['Enter', 'open'],
      ['b', 'bookmark'],
      ['t', 'tag'],
    ],
  },
  {
    name: 'reader',
    keys: [
      ['Esc', 'back'],
      ['b', 'bookmark'],
      ['t', 'tag'],
      ['h', 'highlight'],
      ['n', 'nextHit'],
      ['Shift+N', 'previousHit'],
    ],
  },
] as const;

/** Every keyboard shortcut, opened with "?". */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose} testId="shortcuts-dialog">
      {GROUPS.map((group) => (
        <section key={group.name} className="shortcut-group" aria-labelledby={`shortcuts-${group.name}`}>
          <h3 id={`shortcuts-${group.name}`}>{t(`shortcuts.groups.${group.name}`)}</h3>
          <dl className="shortcut-list">
            {group.keys.map(([key, action]) => (
              <div key={`${key}-${action}`} className="shortcut-row">
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{t(`shortcuts.actions.${action}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Modal>
  );
}
