/**
 * Toasts of one group share one slot: a lead in a busy centre sees the newest unhappy customer
 * and how many more arrived, not a column of toasts over the inbox. Ungrouped toasts stack.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { UiSlice } from '../../../renderer/src/store/uiSlice';

vi.mock('../../../renderer/src/i18n', () => ({ applyLanguage: () => undefined }));

beforeAll(() => {
  vi.stubGlobal('window', {});
  vi.useFakeTimers();
});
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function uiStore() {
  const { createUiSlice } = await import('../../../renderer/src/store/uiSlice');
  // The slice only touches its own keys, so a store of just this slice is enough here.
  return createStore(createUiSlice('en') as never) as unknown as {
    getState(): UiSlice;
  };
}

const unhappy = (name: string) => ({
  key: 'live.toast.negative_sentiment',
  params: { name },
  tone: 'warning' as const,
  conversationId: `c-${name}`,
  group: 'alert.negative_sentiment',
});

describe('toast groups', () => {
  it('keeps one toast per group showing the newest and counting the rest', async () => {
    const store = await uiStore();
    store.getState().pushToast(unhappy('唐伟'));
    store.getState().pushToast(unhappy('韩梅'));
    store.getState().pushToast(unhappy('吴磊'));
    const toasts = store.getState().toasts;
    expect(toasts).toHaveLength(1);
    expect(toasts[0]).toMatchObject({ params: { name: '吴磊' }, conversationId: 'c-吴磊', more: 2 });
  });

  it('stacks toasts without a group, and other groups beside', async () => {
    const store = await uiStore();
    const saved = { key: 'admin.saved', params: {}, tone: 'info' as const, conversationId: null };
    store.getState().pushToast(saved);
    store.getState().pushToast(unhappy('唐伟'));
    store.getState().pushToast(saved);
    store
      .getState()
      .pushToast({ ...unhappy('王建国'), key: 'live.toast.vip_waiting', group: 'alert.vip_waiting' });
    expect(store.getState().toasts.map((t) => t.group ?? t.key)).toEqual([
      'admin.saved',
      'alert.negative_sentiment',
      'admin.saved',
      'alert.vip_waiting',
    ]);
  });
});
