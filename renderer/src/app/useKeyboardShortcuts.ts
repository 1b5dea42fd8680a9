/**
 * Window-wide keys: j/k move the selection, Enter opens it, `/` focuses search, `?` shows help.
 * Keys typed into a field, or with a modifier, are left alone (Esc in the dialog is native).
 */
import { useEffect } from 'react';
import { appStore } from '../store';
import { inboxRowAt } from '../store/inboxSlice';

export const SEARCH_INPUT_ID = 'inbox-search';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function openSelected(): void {
  const state = appStore().getState();
  const id = state.searchText.trim()
    ? state.searchHits[state.searchSelectedIndex]?.row.id
    : inboxRowAt(state.inboxPages, state.selectedIndex)?.id;
  if (id) state.openConversation(id);
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const state = appStore().getState();
      switch (event.key) {
        case 'j':
          state.moveSelection(1);
          break;
        case 'k':
          state.moveSelection(-1);
          break;
        case 'Enter':
          // A focused button or link handles its own Enter.
          if (event.target instanceof HTMLElement && event.target.closest('button, a, summary')) return;
          openSelected();
          break;
        case '/':
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          break;
        case '?':
          state.setShortcutsOpen(true);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
