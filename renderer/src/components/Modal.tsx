import { useId, useLayoutEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.tsx';

interface ModalProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  className?: string;
  /** Shown under the title. */
  description?: ReactNode;
}

/**
 * A modal <dialog>: focus stays inside, Esc and the backdrop close it, and focus goes back where it
 * was when it closes. Mounting it opens it; its owner unmounts it in onClose.
 */
export function Modal({ title, onClose, children, testId, className, description }: ModalProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // showModal() focuses the first control (the close button) unless one asks for focus.
    element?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => element?.close();
  }, []);

  // A click on the backdrop lands on the dialog element itself, outside its content.
  function closeOnBackdrop(event: MouseEvent<HTMLDialogElement>): void {
    if (event.target === dialog.current) onClose();
  }

  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      data-testid={testId}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onClick={closeOnBackdrop}
    >
      <div className="dialog-content">
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t('common.close')}
            title={t('common.close')}
            onClick={onClose}
          >
            <Icon name="close" />
          </button>
        </header>
        {description && (
          <p className="dialog-description" id={descriptionId}>
            {description}
          </p>
        )}
        {children}
      </div>
    </dialog>
  );
}

interface ConfirmProps {
  title: string;
  body: ReactNode;
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  testId?: string;
}

export function ConfirmDialog({ title, body, confirm, onConfirm, onCancel, danger, testId }: ConfirmProps) {
  const { t } = useTranslation();
  return (
    <Modal title={title} onClose={onCancel} testId={testId} className="dialog-small">
      <div className="dialog-body">{body}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'button button-danger' : 'button button-primary'}
          data-testid="confirm-button"
          // The safe answer is the default one for a destructive action.
          data-autofocus={danger ? undefined : ''}
          onClick={onConfirm}
        >
          {confirm}
        </button>
      </div>
    </Modal>
  );
}
