import { useEffect } from 'react';
import { ConversationPane } from '../features/conversation/ConversationPane';
import { useAppStore } from '../store';
import { Toasts } from './Toasts';

/** A pop-out window: one conversation, nothing else (same store, same core, same session). */
export function PopOutConversation({ conversationId }: { conversationId: string }): React.JSX.Element {
  const openConversation = useAppStore((s) => s.openConversation);
  useEffect(() => openConversation(conversationId), [conversationId, openConversation]);
  return (
    <div className="shell popout">
      <main className="workspace" id="main">
        <ConversationPane />
      </main>
      <Toasts />
    </div>
  );
}
