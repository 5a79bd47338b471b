/**
 * Syntax highlighting for fenced code with a language, via lowlight. Only common languages are
 * registered, which keeps the bundle small; anything else stays plain text.
 */
import type { Root } from 'hast';
import { createLowlight } from 'lowlight';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { eachElement, hasClass, isElement, textOf } from './util';

const lowlight = createLowlight({
  bash,
  c,
  cpp,
  css,
  diff,
  go,
  java,
  javascript,
  json,
  markdown,
  python,
  rust,
  sql,
  typescript,
  xml,
  yaml,
});
lowlight.registerAlias({
  bash: ['sh', 'shell', 'zsh', 'console'],
  javascript: ['js', 'jsx', 'mjs'],
  typescript: ['ts', 'tsx'],
  xml: ['html', 'svg'],
  python: ['py'],
  yaml: ['yml'],
  markdown: ['md'],
  rust: ['rs'],
  cpp: ['c++', 'hpp'],
});

export function highlightCode(tree: Root): void {
  eachElement(tree, (node) => {
    if (node.tagName !== 'pre') return;
    const code = node.children.find((c) => isElement(c, 'code'));
    if (!isElement(code)) return;
    const cls = code.properties.className;
    const langClass = Array.isArray(cls) ? cls.find((c) => String(c).startsWith('language-')) : undefined;
    if (!langClass) return;
    const lang = String(langClass).slice('language-'.length).toLowerCase();
    node.properties.dataLanguage = lang;
    if (!lowlight.registered(lang) || hasClass(code, 'hljs')) return;
    const result = lowlight.highlight(lang, textOf(code));
    code.children = result.children as typeof code.children;
    code.properties.className = [...(Array.isArray(cls) ? cls : []), 'hljs'];
  });
}
