/** The widget's look, inside its shadow root: nothing leaks into the site, nothing of it leaks in. */
export const WIDGET_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; border: 0; border-radius: 28px; padding: 14px 20px;
  background: #2357c6; color: #fff; font-size: 15px; font-weight: 600; cursor: pointer; box-shadow: 0 6px 20px rgba(20, 40, 90, .25); }
.launcher:focus-visible, button:focus-visible, textarea:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
.panel { position: fixed; right: 20px; bottom: 20px; z-index: 2147483001; width: min(380px, calc(100vw - 24px)); height: min(560px, calc(100vh - 40px));
  display: flex; flex-direction: column; background: #fff; color: #1d2433; border-radius: 14px; overflow: hidden;
  box-shadow: 0 12px 40px rgba(20, 40, 90, .3); border: 1px solid #dde2ea; }
.panel[hidden], .launcher[hidden] { display: none; }
.head { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; background: #1f3a68; color: #fff; }
.head h2 { margin: 0; font-size: 16px; }
.head button { background: transparent; border: 0; color: #fff; font-size: 20px; cursor: pointer; line-height: 1; padding: 4px 8px; border-radius: 6px; }
.status { font-size: 12.5px; padding: 6px 16px; background: #fff2d6; color: #6b4700; }
.status:empty { display: none; }
.log { flex: 1; overflow-y: auto; padding: 12px 14px; display: flex; flex-direction: column; gap: 8px; background: #f6f7f9; }
.line { max-width: 82%; padding: 8px 12px; border-radius: 12px; font-size: 14px; line-height: 1.45; white-space: pre-wrap; word-break: break-word; }
.line .who { display: block; font-size: 11.5px; color: #5b6577; margin-bottom: 2px; }
.line.customer { align-self: flex-end; background: #2357c6; color: #fff; border-bottom-right-radius: 4px; }
.line.customer .who { color: #dfe7fb; }
.line.agent, .line.bot, .line.system { align-self: flex-start; background: #fff; border: 1px solid #dde2ea; border-bottom-left-radius: 4px; }
.line.greeting { align-self: flex-start; background: transparent; border: 0; color: #5b6577; font-size: 13px; }
.line .state { display: block; font-size: 11.5px; margin-top: 4px; opacity: .85; }
.line .state button { margin-left: 6px; font-size: 11.5px; border: 1px solid currentColor; background: transparent; color: inherit; border-radius: 4px; cursor: pointer; }
.rating { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.rating button { min-width: 34px; padding: 6px 8px; border: 1px solid #2357c6; background: #fff; color: #2357c6; border-radius: 6px; cursor: pointer; font-size: 14px; }
.rating button:hover { background: #e7eefc; }
.typing { font-size: 12.5px; color: #5b6577; padding: 0 16px 6px; min-height: 18px; background: #f6f7f9; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #dde2ea; background: #fff; }
textarea { flex: 1; resize: none; border: 1px solid #c5ccd8; border-radius: 8px; padding: 8px 10px; font-size: 14px; min-height: 40px; max-height: 120px; color: #1d2433; }
.send { border: 0; border-radius: 8px; padding: 0 16px; background: #2357c6; color: #fff; font-weight: 600; cursor: pointer; font-size: 14px; }
.send:disabled { background: #9aa8c4; cursor: default; }
.error { color: #b42318; font-size: 12.5px; padding: 0 12px 8px; }
.error:empty { display: none; }
@media (forced-colors: active) { .line, .launcher, .send { border: 1px solid CanvasText; } }
`;
