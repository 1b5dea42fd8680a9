/** Variable rendering, table-driven: values, missing values, fallbacks, prompts, escaping, zh-CN and en. */
import { describe, expect, it } from 'vitest';
import {
  fillPrompts,
  isComplete,
  promptLabels,
  renderTemplate,
  segmentsToHtml,
  segmentsToText,
  unresolvedOf,
  type VariableContext,
} from '../../../shared/canned/variables';

const full: VariableContext = {
  contact: { name: '张伟', email: 'zhang.wei@example.cn', attributes: { order_id: 'SO-20261124-7781', vip_level: 3 } },
  agent: { name: '李娜 Li Na' },
  team: { name: '售后' },
  conversation: { id: 'conv-42' },
};
const empty: VariableContext = { contact: { name: '', email: null }, agent: { name: 'Emma' } };

const cases: Array<{ name: string; body: string; context: VariableContext; answers?: Record<string, string>; text: string; complete: boolean }> = [
  { name: 'zh: every known variable', body: '{{contact.name}}您好，我是{{team.name}}的{{agent.name}}（{{conversation.id}}）', context: full, text: '张伟您好，我是售后的李娜 Li Na（conv-42）', complete: true },
  { name: 'en: email and attribute', body: 'Hi {{ contact.name }}, order {{contact.attributes.order_id}} → {{contact.email}}', context: full, text: 'Hi 张伟, order SO-20261124-7781 → zhang.wei@example.cn', complete: true },
  { name: 'numeric attribute becomes text', body: 'Level {{contact.attributes.vip_level}}', context: full, text: 'Level 3', complete: true },
  { name: 'missing value stays visible and blocks', body: 'Hi {{contact.name}}!', context: empty, text: 'Hi {{contact.name}}!', complete: false },
  { name: 'zh fallback in double quotes', body: '{{contact.name | "您好"}}，请稍等', context: empty, text: '您好，请稍等', complete: true },
  { name: 'en fallback in single quotes', body: "Dear {{contact.name|'customer'}}", context: empty, text: 'Dear customer', complete: true },
  { name: 'fallback in Chinese quotes', body: '{{contact.name | “亲”}}', context: empty, text: '亲', complete: true },
  { name: 'value wins over fallback', body: '{{contact.name | "您好"}}', context: full, text: '张伟', complete: true },
  { name: 'missing attribute without fallback', body: '订单 {{contact.attributes.order_id}}', context: empty, text: '订单 {{contact.attributes.order_id}}', complete: false },
  { name: 'missing attribute with fallback', body: '订单 {{contact.attributes.order_id | "（未提供）"}}', context: empty, text: '订单 （未提供）', complete: true },
  { name: 'unknown variable blocks even with context', body: '{{contact.nmae}}', context: full, text: '{{contact.nmae}}', complete: false },
  { name: 'unanswered prompt blocks', body: '订单号：{{prompt:订单号}}', context: full, text: '订单号：{{prompt:订单号}}', complete: false },
  { name: 'answered zh prompt', body: '订单号：{{prompt:订单号}}', context: full, answers: { 订单号: ' SO-1 ' }, text: '订单号：SO-1', complete: true },
  { name: 'answered en prompt, full-width colon', body: 'Order {{prompt：Order number}}', context: full, answers: { 'Order number': '77' }, text: 'Order 77', complete: true },
  { name: 'blank answer is no answer', body: '{{prompt:订单号}}', context: full, answers: { 订单号: '  ' }, text: '{{prompt:订单号}}', complete: false },
  { name: 'braces that are not placeholders stay text', body: 'JSON {"a":1} and {{ }} and {single}', context: full, text: 'JSON {"a":1} and {{ }} and {single}', complete: true },
  { name: 'a value that looks like a template is not re-parsed', body: 'Hi {{contact.name}}', context: { contact: { name: '{{agent.name}}' }, agent: { name: 'SECRET' } }, text: 'Hi {{agent.name}}', complete: true },
  { name: 'no variables at all', body: '感谢您的耐心等待。', context: {}, text: '感谢您的耐心等待。', complete: true },
];

describe('renderTemplate', () => {
  it.each(cases)('$name', ({ body, context, answers, text, complete }) => {
    const segments = renderTemplate(body, context, answers);
    expect(segmentsToText(segments)).toBe(text);
    expect(isComplete(segments)).toBe(complete);
  });

  it('names what is unresolved so the composer can highlight it', () => {
    const segments = renderTemplate('{{contact.name}} {{prompt:订单号}} {{foo.bar}}', empty);
    expect(unresolvedOf(segments)).toEqual([
      { kind: 'missing', variable: 'contact.name', raw: '{{contact.name}}', known: true },
      { kind: 'prompt', label: '订单号', raw: '{{prompt:订单号}}' },
      { kind: 'missing', variable: 'foo.bar', raw: '{{foo.bar}}', known: false },
    ]);
  });

  it('lists each prompt once, in order', () => {
    expect(promptLabels('{{prompt:订单号}} {{prompt:Tracking}} {{prompt:订单号}}')).toEqual(['订单号', 'Tracking']);
  });
});

describe('segmentsToHtml (email bodies)', () => {
  it("never lets a contact's name add markup", () => {
    const context = { contact: { name: '<img src=x onerror=alert(1)> & "Bob"' } };
    const html = segmentsToHtml(renderTemplate('Dear {{contact.name}},\nthanks', context));
    expect(html).toBe('Dear &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Bob&quot;,<br>\nthanks');
    expect(html).not.toContain('<img');
  });

  it('escapes the template text too and keeps Chinese as is', () => {
    expect(segmentsToHtml(renderTemplate('<b>{{contact.name}}</b>您好', { contact: { name: '王芳' } }))).toBe(
      '&lt;b&gt;王芳&lt;/b&gt;您好',
    );
  });
});

describe('fillPrompts (what the composer inserts)', () => {
  it('fills answered prompts and keeps every other placeholder for send time', () => {
    expect(fillPrompts('{{contact.name | "您好"}}，订单 {{prompt:订单号}}，单号 {{prompt:快递单号}}', { 订单号: 'SO-9' })).toBe(
      '{{contact.name | "您好"}}，订单 SO-9，单号 {{prompt:快递单号}}',
    );
  });
});
