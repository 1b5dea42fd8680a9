/**
 * A key pressed while an input method (pinyin, wubi, kana…) is composing belongs to the IME:
 * Enter confirms a candidate, arrows move through candidates. Handlers that act on those keys
 * check this first, so confirming "退款" never sends or picks half-typed pinyin. Chromium marks
 * such events `isComposing`; Safari sends the Enter that ends a composition with keyCode 229.
 */
export function isComposingKey(event: { nativeEvent: KeyboardEvent }): boolean {
  return event.nativeEvent.isComposing || event.nativeEvent.keyCode === 229;
}
