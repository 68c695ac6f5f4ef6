/**
 * The class, not the instance: the modules that write migration files and reports are read with the
 * TypeScript compiler, and none may write a comment marker, a backtick or a Markdown construct
 * around text itself; only the escaper modules do. A new renderer that builds a `// …` line or a
 * fence by hand fails here before any payload has to find it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/** The escapers: the only places allowed to write these markers. */
const ESCAPERS = new Set(['src/render/typescript.ts', 'src/render/markdown-text.ts', 'src/sql/quote.ts']);

/** Every module that writes generated TypeScript, SQL scripts or Markdown. */
function renderModules(): string[] {
  const dir = (d: string) => readdirSync(path.join(ROOT, d)).filter((f) => f.endsWith('.ts')).map((f) => `${d}/${f}`);
  return [...dir('src/render'), ...dir('src/ddl'), 'src/runner/template.ts', 'src/runner/author.ts', 'src/runner/sql.ts', 'src/runner/extensions.ts']
    .filter((f) => !ESCAPERS.has(f));
}

/** The literal text pieces of a file: string literals and the fixed parts of template literals. */
function literalTexts(file: string): Array<{ text: string; line: number }> {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Array<{ text: string; line: number }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      // Imports name modules, not output.
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        out.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      }
    }
    if (ts.isRegularExpressionLiteral(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** What only an escaper may write: TypeScript comment markers, backticks (template literals, code spans, fences), SQL line comments. */
const MARKERS: Array<[RegExp, string]> = [
  [/\/\/|\/\*|\*\//, 'a TypeScript comment marker'],
  [/`/, 'a backtick'],
  [/(^|\n|\s)--\s/, 'an SQL line comment'],
];

test('render modules (src/render, the runner\'s migration writer and scripts) write no comment marker, backtick or SQL comment themselves', () => {
  const offences = renderModules().flatMap((file) =>
    literalTexts(file).flatMap(({ text, line }) =>
      MARKERS.filter(([re]) => re.test(text)).map(([, what]) => `${file}:${line}: ${what} in ${JSON.stringify(text.slice(0, 60))}`),
    ),
  );
  expect(offences).toEqual([]);
});

/**
 * In the Markdown writers, every `${…}` of a template that is not a number or one of the writer's
 * own fixed words goes through markdownText or markdownFence, or is Markdown another function of
 * the same module built (and so was checked the same way).
 */
test('Markdown writers put no text into a template but through markdownText or markdownFence', () => {
  const files = ['src/render/markdown.ts', 'src/api/check-report.ts'];
  const program = ts.createProgram(files.map((f) => path.join(ROOT, f)), { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const offences: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(path.join(ROOT, file))!;
    const local = new Set<string>();
    source.forEachChild((n) => {
      if (ts.isFunctionDeclaration(n) && n.name) local.add(n.name.text);
      if (ts.isVariableStatement(n)) for (const d of n.declarationList.declarations) if (ts.isIdentifier(d.name)) local.add(d.name.text);
    });
    // Functions that produce plain text rather than Markdown (the text format, JSON) are not Markdown writers.
    const markdownWriters = new Set(['renderMarkdown', 'summary', 'warnings', 'schemaDiff', 'renderMarkdownReport']);
    const visit = (node: ts.Node, inWriter: boolean) => {
      // What an escaper is given is its own business.
      if (ts.isCallExpression(node) && ['markdownText', 'markdownFence'].includes(node.expression.getText(source))) return;
      const writer = inWriter || (ts.isFunctionDeclaration(node) && node.name !== undefined && markdownWriters.has(node.name.text) && !(file.endsWith('check-report.ts') && node.name.text === 'summary'));
      if (writer && ts.isTemplateSpan(node)) {
        const e = node.expression;
        const type = checker.getTypeAtLocation(e);
        const safeType = (t: ts.Type): boolean =>
          (t.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.StringLiteral)) !== 0 || (t.isUnion() && t.types.every(safeType));
        const callee = ts.isCallExpression(e) ? e.expression.getText(source) : undefined;
        const okExpression = (x: ts.Expression): boolean =>
          safeType(checker.getTypeAtLocation(x)) ||
          (ts.isCallExpression(x) && ['markdownText', 'markdownFence'].includes(x.expression.getText(source))) ||
          (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.BarBarToken && okExpression(x.left) && okExpression(x.right));
        // An array of cells each made by markdownText, joined: its elements were checked where they were made.
        const joinedCells = ts.isCallExpression(e) && /^\w+\.join\(/.test(e.getText(source));
        const ok =
          okExpression(e) ||
          joinedCells ||
          safeType(type) ||
          (callee !== undefined && (['markdownText', 'markdownFence', 'statementCount', 'summary', 'demoteHeadings'].includes(callee) || local.has(callee))) ||
          /^TITLES\[/.test(e.getText(source)) ||
          (ts.isIdentifier(e) && ['marks', 'why'].includes(e.text));
        if (!ok) offences.push(`${file}:${source.getLineAndCharacterOfPosition(e.getStart()).line + 1}: \${${e.getText(source)}}`);
      }
      ts.forEachChild(node, (c) => visit(c, writer));
    };
    visit(source, false);
  }
  expect(offences).toEqual([]);
});
