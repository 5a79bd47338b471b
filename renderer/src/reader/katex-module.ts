/**
 * The KaTeX chunk: the library and its stylesheet (fonts bundled by Vite next to it, nothing
 * fetched from the network). Only ever reached through a dynamic `import()`, so a note without
 * math never loads it.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';

export default katex;
