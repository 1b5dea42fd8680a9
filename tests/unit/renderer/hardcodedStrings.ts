/** Finds UI text written straight into renderer TSX instead of going through i18next's t(). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Attributes whose value a person reads or a screen reader speaks. */
export const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);

/** Symbols and separators that are the same in every language. */
const LANGUAGE_NEUTRAL = /^[\s\d·—–\-−:/|•…+×%#()[\]{}.,;!?'"`<>=*&@^~_$€¥£✓✕↑↓←→▲▼▸▾●○★☆☎↩‹›“”‘’⏸]*$/u;

export interface HardcodedString {
  file: string;
  line: number;
  text: string;
}

const isUiText = (text: string) => text.trim().length > 0 && !LANGUAGE_NEUTRAL.test(text.trim());

export function findHardcodedStrings(file: string, source: string, root: string): HardcodedString[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardcodedString[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push({ file: relative(root, file), line: line + 1, text: text.trim() });
  };
  /** The literal texts an expression can evaluate to (through ?:, ??, ||, && and parentheses). */
  const shownLiterals = (expression: ts.Expression): ts.Node[] => {
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return isUiText(expression.text) ? [expression] : [];
    if (ts.isTemplateExpression(expression)) {
      const parts = [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)];
      return parts.some(isUiText) ? [expression] : [];
    }
    if (ts.isParenthesizedExpression(expression)) return shownLiterals(expression.expression);
    if (ts.isConditionalExpression(expression)) return [...shownLiterals(expression.whenTrue), ...shownLiterals(expression.whenFalse)];
    if (ts.isBinaryExpression(expression)) {
      const kind = expression.operatorToken.kind;
      if (kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken) return [...shownLiterals(expression.left), ...shownLiterals(expression.right)];
      if (kind === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(expression.right);
    }
    return [];
  };
  const reportExpression = (expression: ts.Expression | undefined) => {
    if (!expression) return;
    for (const literal of shownLiterals(expression)) report(literal, literal.getText(sf).slice(1, -1));
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isUiText(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) reportExpression(node.expression);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && isUiText(value.text)) report(value, value.text);
      else if (value && ts.isJsxExpression(value)) reportExpression(value.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export function scanRenderer(root: string): HardcodedString[] {
  return tsxFiles(join(root, 'renderer/src')).flatMap((file) => findHardcodedStrings(file, readFileSync(file, 'utf8'), root));
}
