import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';

const SHORTCUTS: Array<[keys: string[], labelKey: string]> = [
  [['j'], 'shortcuts.next'],
  [['k'], 'shortcuts.prev'],
  [['Enter'], 'shortcuts.open'],
  [['/'], 'shortcuts.search'],
  [['Ctrl', 'Enter'], 'shortcuts.send'],
  [['?'], 'shortcuts.help'],
  [['Esc'], 'shortcuts.close'],
];

/** A native modal <dialog>: it traps focus and closes on Esc by itself. */
export function ShortcutsDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const { open, setOpen } = useAppStore(useShallow((s) => ({ open: s.shortcutsOpen, setOpen: s.setShortcutsOpen })));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" data-testid="shortcuts-dialog" onClose={() => setOpen(false)}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, labelKey]) => (
          <div key={labelKey} className="shortcut-row">
            <dt>
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{t(labelKey)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" autoFocus onClick={() => setOpen(false)}>
          {t('shortcuts.closeButton')}
        </button>
      </div>
    </dialog>
  );
}
