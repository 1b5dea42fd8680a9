import { parseSnippet } from '../../lib/snippet';

/** Renders a search snippet with its hits as <mark> elements; text only, never HTML. */
export function Snippet({ text }: { text: string }): React.JSX.Element {
  return (
    <span className="snippet">
      {parseSnippet(text).map((segment, i) => (segment.hit ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </span>
  );
}
