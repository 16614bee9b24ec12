// Parses every ```mermaid block of a Markdown file with Mermaid's own parser (mermaid.parse), as GitHub renders them.
// Mermaid's parser needs a DOM (DOMPurify), so jsdom provides one. Prints "ok <n> <diagram types>" and exits 0, or
// prints each block's error and exits 1.
//   node parse.mjs <file.md>
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Element = dom.window.Element;
globalThis.HTMLElement = dom.window.HTMLElement;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

const text = readFileSync(process.argv[2], 'utf8');
const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]);
const types = [];
let failed = 0;
for (const [i, block] of blocks.entries()) {
  try {
    const result = await mermaid.parse(block);
    types.push(result.diagramType);
  } catch (e) {
    failed++;
    console.log(`block ${i + 1}: ${String(e.message ?? e)}`);
  }
}

if (blocks.length === 0) {
  console.log('no mermaid block');
  process.exit(1);
}

console.log(failed === 0 ? `ok ${blocks.length} ${types.join(' ')}` : `failed ${failed} of ${blocks.length}`);
process.exit(failed === 0 ? 0 : 1);
