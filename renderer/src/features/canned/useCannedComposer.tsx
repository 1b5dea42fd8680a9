/**
 * What the reply composer gains from the canned-response library:
 * - `/query` opens a keyboard-driven typeahead (↑↓, Enter or Tab inserts, Esc closes); several
 *   responses may go into one message;
 * - a response's `{{prompt:…}}` fields are asked for on insert (PromptDialog);
 * - Alt+1..3 inserts one of the three suggestions for the customer's last message;
 * - the draft is rendered with the conversation's values (`renderTemplate`): unresolved
 *   placeholders are highlighted in the preview and block sending; what is sent is the render;
 * - the draft is kept by the core per conversation (draft.get / draft.save).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CannedListItem } from '../../../../shared/contracts/canned';
import { rankCanned } from '../../../../shared/canned/rank';
import { detectLanguage } from '../../../../shared/canned/suggest';
import {
  fillPrompts,
  promptLabels,
  renderTemplate,
  segmentsToText,
  unresolvedOf,
  type Segment,
  type VariableContext,
} from '../../../../shared/canned/variables';
import type { Conversation } from '../../../../shared/domain/model';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { insertAt, slashQueryAt, type SlashQuery } from './composerText';

const MENU_SIZE = 8;
const DRAFT_SAVE_MS = 400;

export interface PendingInsert {
  response: CannedListItem;
  labels: string[];
  at: Pick<SlashQuery, 'start' | 'end'>;
}

export function useCannedComposer(options: {
  conversation: Conversation;
  text: string;
  setText(text: string): void;
  subject: string;
  setSubject(subject: string): void;
  textarea: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const { conversation, text, setText, subject, setSubject, textarea } = options;
  const detail = useAppStore((s) => (s.detail?.conversation.id === conversation.id ? s.detail : null));
  const agent = useAppStore((s) => s.session?.agent ?? null);
  const uiLanguage = useAppStore((s) => s.language);
  const responses = useAppStore((s) => s.canned.responses);
  const loaded = useAppStore((s) => s.canned.loaded);
  const { load, suggest, loadDraft, saveDraft, markUsed } = useAppStore(
    useShallow((s) => ({
      load: s.canned.load,
      suggest: s.canned.suggest,
      loadDraft: s.canned.loadDraft,
      saveDraft: s.canned.saveDraft,
      markUsed: s.canned.markUsed,
    })),
  );

  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const [active, setActive] = useState(0);
  const [pending, setPending] = useState<PendingInsert | null>(null);
  const [suggested, setSuggested] = useState<CannedListItem[]>([]);

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  const lastCustomerText = useMemo(
    () => [...(detail?.messages ?? [])].reverse().find((m) => m.direction === 'in')?.text ?? '',
    [detail?.messages],
  );
  const language = lastCustomerText ? detectLanguage(lastCustomerText) : uiLanguage === 'zh-CN' ? 'zh-CN' : 'en';

  const context: VariableContext = useMemo(
    () => ({
      contact: detail
        ? {
            name: detail.contact.name,
            email: detail.contact.email,
            attributes: detail.contact.attributes ?? null,
          }
        : null,
      agent: agent ? { name: agent.name } : null,
      team: detail ? { name: detail.teamName } : null,
      conversation: { id: conversation.id },
    }),
    [detail, agent, conversation.id],
  );

  const segments: Segment[] = useMemo(() => renderTemplate(text, context), [text, context]);
  const unresolved = useMemo(() => unresolvedOf(segments), [segments]);
  const rendered = useMemo(() => segmentsToText(segments), [segments]);

  const items = useMemo(
    () => (slash ? rankCanned(responses, slash.query, { language, limit: MENU_SIZE }) : []),
    [slash, responses, language],
  );

  // Suggestions follow the customer's last message (and a reloaded library).
  useEffect(() => {
    let cancelled = false;
    if (!lastCustomerText) {
      setSuggested([]);
      return;
    }
    suggest(conversation.id)
      .then((top) => !cancelled && setSuggested(top))
      .catch(() => !cancelled && setSuggested([]));
    return () => {
      cancelled = true;
    };
  }, [conversation.id, lastCustomerText, responses, suggest]);

  // Drafts: load once per conversation, save shortly after each change and when leaving.
  const draftLoaded = useRef(false);
  const latest = useRef({ text, subject });
  useEffect(() => {
    latest.current = { text, subject };
  }, [text, subject]);
  useEffect(() => {
    let cancelled = false;
    loadDraft(conversation.id)
      .then((draft) => {
        if (cancelled) return;
        if (draft && latest.current.text === '') {
          setText(draft.text);
          if (draft.subject) setSubject(draft.subject);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        draftLoaded.current = true;
      });
    return () => {
      cancelled = true;
      if (draftLoaded.current) saveDraft(conversation.id, latest.current.text, latest.current.subject);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mounted conversation
  }, [conversation.id]);
  useEffect(() => {
    if (!draftLoaded.current) return;
    const timer = setTimeout(() => {
      saveDraft(conversation.id, text, subject);
    }, DRAFT_SAVE_MS);
    return () => clearTimeout(timer);
  }, [conversation.id, text, subject, saveDraft]);

  const placeCaret = useCallback(
    (caret: number) => {
      requestAnimationFrame(() => {
        const el = textarea.current;
        if (!el) return;
        el.focus();
        el.setSelectionRange(caret, caret);
      });
    },
    [textarea],
  );

  const insert = useCallback(
    (response: CannedListItem, at: Pick<SlashQuery, 'start' | 'end'>, answers: Record<string, string>) => {
      const current = latest.current.text;
      const needsSpace = at.start > 0 && !/\s$/.test(current.slice(0, at.start));
      const result = insertAt(current, at, (needsSpace ? ' ' : '') + fillPrompts(response.body, answers));
      setText(result.text);
      setSlash(null);
      setPending(null);
      placeCaret(result.caret);
      markUsed(response.id);
    },
    [setText, placeCaret, markUsed],
  );

  const choose = useCallback(
    (response: CannedListItem, at: Pick<SlashQuery, 'start' | 'end'>) => {
      const labels = promptLabels(response.body);
      setSlash(null);
      if (labels.length > 0) setPending({ response, labels, at });
      else insert(response, at, {});
    },
    [insert],
  );

  const caretRange = () => {
    const el = textarea.current;
    const caret = el ? el.selectionEnd : latest.current.text.length;
    return { start: caret, end: caret };
  };

  const onTextChange = (event: React.ChangeEvent<HTMLTextAreaElement>) => {
    const value = event.target.value;
    setText(value);
    const next = slashQueryAt(value, event.target.selectionEnd);
    setSlash(next);
    if (next?.query !== slash?.query) setActive(0);
  };

  /** Returns true when the key was the typeahead's or a suggestion's. */
  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (event.altKey && /^Digit[1-3]$/.test(event.code)) {
      const response = suggested[Number(event.code.slice(5)) - 1];
      if (!response) return false;
      event.preventDefault();
      choose(response, caretRange());
      return true;
    }
    if (!slash) return false;
    if (event.key === 'Escape') {
      event.preventDefault();
      setSlash(null);
      return true;
    }
    if (items.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + items.length) % items.length);
      return true;
    }
    if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.shiftKey) || event.key === 'Tab') {
      event.preventDefault();
      choose(items[Math.min(active, items.length - 1)]!, slash);
      return true;
    }
    return false;
  };

  return {
    slash,
    items,
    active,
    setActive,
    choose,
    closeMenu: () => setSlash(null),
    pending,
    cancelPending: () => {
      setPending(null);
      if (textarea.current) textarea.current.focus();
    },
    answerPending: (answers: Record<string, string>) => pending && insert(pending.response, pending.at, answers),
    suggested,
    chooseSuggestion: (response: CannedListItem) => choose(response, caretRange()),
    segments,
    unresolved,
    rendered,
    onTextChange,
    onKeyDown,
  };
}

export type CannedComposer = ReturnType<typeof useCannedComposer>;
