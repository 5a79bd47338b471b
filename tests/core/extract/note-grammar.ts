/**
 * A fast-check arbitrary for notes made of the pieces that change what a character means: front
 * matter (good and bad), fences, indented code, code spans of one to three backticks, escapes,
 * entities, HTML blocks and inline HTML, yt-timestamp anchors (good and bad values, lenient
 * spellings), YouTube links, wikilinks with aliases, subpaths and embeds, markdown links with
 * `%20`, reference definitions, tags, headings, `^ids`, lists, block quotes, tables with `\|`,
 * footnotes, `%% comments %%` (inline, block, unclosed, inside code and containers, a `%%` line after an
 * open inline `%%`), `$math$` and
 * `$$math$$` (prices, escapes, unclosed, blocks), and loose punctuation. Used by the differential test and the extractor benchmark.
 */
import fc from 'fast-check';

const words = fc.constantFrom('alpha', 'Beta', 'gamma', 'x', 'foo_bar', 'naïve', '日本語', '123', 'a1', 'Kafka', 'e.g.', 'ok.', 'The', 'end');
const targets = fc.constantFrom('Note', 'Some Note', 'folder/Deep', 'a b', 'Émile', '', ' spaced ', 'x.md', 'Note#', 'a#b#c');
const subpaths = fc.constantFrom('Heading', '^blk-1', 'Part One', 'a#b', '');
const aliases = fc.constantFrom('alias', 'Shown text', '', ' pad ', 'a|b');
const tagNames = fc.constantFrom('tag', 'a/b-c_d', '123', 'x1', 'ünï', 'tag-', '_', 'T', '1a');
const times = fc.constantFrom('01:10:00', '00:54:23', '4:56', '00:4:56', '1:2:3', '12:34', '99:99', '61:00', 'abc', '1:02:03:04', '', '100:00', '01:60:00');
const videoIds = fc.constantFrom('2XgU6T4DalY', 'abcdefghijk', 'short');
const destinations = fc.constantFrom(
  'Some%20Note.md#Part',
  'Note.md',
  './rel/x.md?q=1#h',
  '<a b.md>',
  '<a b.md#c d>',
  'http://example.com',
  'mailto:x@y.z',
  '#fragment',
  '',
  'x.md "title"',
  "x.md 'single'",
  'x.md (paren)',
  'a(b)c.md',
  'a\\(b.md',
  '%E2%82%AC.md',
  '%zz.md',
  'https://youtu.be/abcdefghijk?t=75',
  'https://www.youtube.com/watch?v=2XgU6T4DalY&t=1m5s',
  'https://youtube.com/watch?v=abcdefghijk',
  'x.md "unclosed',
  'a&amp;b.md',
  '//host/x.md',
);

function wikilink(): fc.Arbitrary<string> {
  return fc
    .record({ embed: fc.boolean(), target: targets, subpath: fc.option(subpaths), alias: fc.option(aliases), escapeBar: fc.boolean() })
    .map(({ embed, target, subpath, alias, escapeBar }) => {
      let inner = target;
      if (subpath !== null) inner += '#' + subpath;
      if (alias !== null) inner += (escapeBar ? '\\|' : '|') + alias;
      return `${embed ? '!' : ''}[[${inner}]]`;
    });
}

function anchor(): fc.Arbitrary<string> {
  return fc
    .record({
      time: times,
      attr: fc.constantFrom('data-t', 'data=t', 'DATA-T', 'data-time'),
      quote: fc.constantFrom('"', "'", ''),
      cls: fc.constantFrom('yt-timestamp', 'x yt-timestamp y', 'other', 'YT-TIMESTAMP'),
      href: fc.constantFrom('', ' href="https://youtu.be/abcdefghijk"', ' href="https://example.com"', " href='https://www.youtube.com/watch?v=2XgU6T4DalY&t=5'"),
      label: fc.boolean(),
      close: fc.boolean(),
      tag: fc.constantFrom('a', 'A'),
    })
    .map(({ time, attr, quote, cls, href, label, close, tag }) => {
      const q = quote === '' && /\s/.test(cls) ? '"' : quote;
      return `<${tag} class=${q}${cls}${q} ${attr}=${quote}${time}${quote}${href}>${label ? `[${time}]` : ''}${close ? `</${tag}>` : ''}`;
    });
}

const punctuation = fc.constantFrom('*', '_', '**', '__', '[', ']', '(', ')', '!', '<', '>', '|', '^', '~', '~~', '`', '&', '\\', '"', "'", ':', '-', '.', '#', '[]', '![', '](', ']]', '[[', ' ', '  ', '\t');

const inlinePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: words },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '  ') },
  { weight: 3, arbitrary: wikilink() },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.boolean(), fc.constantFrom('text', 'Shown', '', ' pad ', '01:02', '[[x]]', '#tag', '`c`', 'a\nb'), destinations).map(([img, text, dest]) => `${img ? '!' : ''}[${text}](${dest})`),
  },
  { weight: 1, arbitrary: fc.constantFrom('[ref]', '[ref][]', '[text][ref]', '[Ref]', '[text][nope]', '[yt]', '[01:02]', '[01:02][]', '![ref]') },
  { weight: 2, arbitrary: tagNames.map((t) => '#' + t) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom('code', ' x ', '[[in code]]', '#notag', '<a class="yt-timestamp" data-t="1:00">', '`', 'a``b', ''))
      .map(([open, close, inner]) => '`'.repeat(open) + inner + '`'.repeat(close)),
  },
  { weight: 1, arbitrary: fc.constantFrom('\\[', '\\#', '\\|', '\\\\', '\\`', '\\]', '\\!', '\\<', '\\*', '\\^') },
  { weight: 1, arbitrary: fc.constantFrom('&amp;', '&#35;', '&#x23;', '&nbsp;', '&bogus;', '&#91;&#91;x]]', '&lt;a&gt;', '&') },
  { weight: 1, arbitrary: fc.constantFrom('<span>', '</span>', '<a href="x">', '</a>', '<!-- c -->', '<!-->', '<br/>', '<b title="a>b">', '<?pi?>', '<!X>', '<![CDATA[x]]>', '<x y=z=w>', '< a>', '<a\nhref="x">') },
  { weight: 3, arbitrary: anchor() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'https://youtu.be/abcdefghijk?t=75',
      'https://www.youtube.com/watch?v=2XgU6T4DalY&t=1m5s',
      'www.youtube.com/watch?v=abcdefghijk&t=30',
      '<https://youtu.be/abcdefghijk?t=9>',
      'https://youtube.com/shorts/abcdefghijk?t=3',
      'https://example.com/a_b?c=1#d',
      'www.example.com',
      'www.',
      'http://x.y/(a)',
      'https://x.y/[[w]]',
      'x@y.com',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('[01:10:00]', '[4:56]', '[1:2:3]', '[99:99]', '[00:61]', '[123:00]', '[01:02:03:04]') },
  { weight: 2, arbitrary: punctuation },
  { weight: 1, arbitrary: fc.constantFrom('^blk-1', ' ^id', '^x_y', '[^1]', '[^nope]', '^') },
  {
    weight: 1,
    // Constructs that run over a line ending (the line after may carry container markers).
    arbitrary: fc.tuple(
      fc.constantFrom('[foo\n', '`a\n', '<a\n', '<a class="yt-timestamp"\n', '[[x\n', '![a\n', '<!--\n', '**b\n', '[t](\n'),
      fc.constantFrom('', '> ', '  ', '- ', '    '),
      fc.constantFrom('bar](x.md)', 'b`', 'href="x">', 'data-t="1:02">[1:02]</a>', 'y]]', 'b](i.png)', '-->', 'c**', 'd.md "t")', ']]'),
    ).map(([a, p, b]) => a.replace('\n', '\n' + p) + b),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '[a [b] c](d.md)',
      '[a](b.md)[c](d.md)',
      '![![in](i.png)](o.png)',
      '[![img](i.png)](l.md)',
      '[x](<b>c.md)',
      '[x](a.md\n"t")',
      '[x]( a.md )',
      '[x](a.md\t"t")',
      '[x](a.md (t))',
      '[x](a (b) c.md)',
      '[x][]',
      '[^1] and [^1]: no',
      '*<a class="yt-timestamp" data=t="1:00" id="a_b">*',
      '_[01:02]_',
      '**[[bold link]]**',
      '<a class="yt-timestamp" data=t="1:00">[1:00]</a>',
      '<a class="yt-timestamp" data=t="1:00" href="https://youtu.be/abcdefghijk?t=9">',
      '\\[01:02]',
      '\\#tag',
      '[01:02][ref]',
      '[ref]: x.md',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '[[a\u0000b]]', '<a class="yt-timestamp" data-t="1:\u00000">', '\u2028', '\v#vt', '\f', '\u00ad', '\ud83d', '\ufeff#bom') },
  {
    weight: 2,
    // Obsidian comments: closed, unclosed, escaped, next to code, HTML and links, hiding what counts.
    arbitrary: fc.constantFrom(
      '%%',
      '%',
      '%%%',
      '%%c%%',
      '%% [[In Comment]] #hidden ^blk-9 %%',
      '%%![[author#Sponsor this author]]%%',
      '%% <a class="yt-timestamp" data-t="01:02">[01:02]</a> %%',
      '%% [01:10:00] https://youtu.be/abcdefghijk?t=75 %%',
      '\\%%x%%',
      '\\%\\%',
      '`%%` [[after code]] %%',
      '[[a%%b]]',
      '[x %% y](z.md) %%',
      '<span title="%%">%%',
      '%%`%%`',
      '%%%%',
      '%% a | b %%',
    ),
  },
  {
    weight: 2,
    // Math by pandoc's dollar rules: prices stay text, escapes, spaces and digits next to a `$` decide.
    arbitrary: fc.constantFrom(
      '$',
      '$$',
      '$5',
      '$10 ',
      '$x$',
      '$x^2 [[In Math]] #nomath [01:02]$',
      '$ x$',
      '$x $',
      '$x$5',
      '\\$x$',
      '$a\\$b$',
      '$\\',
      '$$E=[[no]]$$',
      '$$x',
      '$$$',
      '$$ $$',
      '$<a class="yt-timestamp" data-t="01:02">$',
      '`$x$`',
      '[[a$b$]]',
      '$[x](y.md)$',
      '$a|b$',
      '50$%%x%%$',
    ),
  },
  {
    weight: 1,
    // Math over a line ending (the line after may carry container markers).
    arbitrary: fc.tuple(fc.constantFrom('$a [[m]]\n', '$$ b\n', 'x $\n'), fc.constantFrom('', '> ', '  ', '- ', '    '), fc.constantFrom('c$', 'd $$ [[after]]', ' e$', '$5')).map(([a, p, b]) => a.replace('\n', '\n' + p) + b),
  },
  {
    weight: 1,
    // A comment over a line ending (the line after may carry container markers).
    arbitrary: fc.tuple(fc.constantFrom('%% a [[x]]\n', 'b %%\n', '%%\n'), fc.constantFrom('', '> ', '  ', '- ', '    ', '# '), fc.constantFrom('c #t %%', '[[y]] %% z', 'd')).map(([a, p, b]) => a.replace('\n', '\n' + p) + b),
  },
  { weight: 1, arbitrary: fc.constantFrom('\u00a0#nbsp', '\u3000#ideo', '#😀x', '#𝒳', 'x\u00a0www.example.com', '"www.example.com"', '(https://youtu.be/abcdefghijk?t=5)', '*www.example.com*', '_https://x.y_') },
);

const inlineText = fc.array(inlinePiece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));

const prefixes = fc.constantFrom(
  '', '', '', '> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '   ', '  ', '    ', '\t', '> > ', '> - ', '  - ', '- > ', '-   ', '1.  ', ' > ',
  '# ', '## ', '###### ', '####### ', '#', '- [ ] ', '[^1]: ',
  // Tabs and odd indentation around container markers; continuation indents of list items.
  '-\t', '>\t', ' \t', '\t\t', '1.\t', '-     ', '     ', '      ', '  > ', '> >', '>  - ', '- - ', '1. - ', '   - ', '  1. ', '\t- ', '> \t',
  '- ```', '> # ', '- # ', '> | ', '- | ', '>     ', '-    x ',
);

const blockLine = fc.constantFrom(
  '```',
  '```js',
  '``` `x`',
  '~~~',
  '````',
  '   ```',
  '---',
  '***',
  '===',
  '--',
  '- - -',
  '',
  '',
  '',
  '   ',
  '<div>',
  '</div>',
  '<div class="x">',
  '<!-- x',
  '-->',
  '<script>',
  '</script>',
  '<pre>',
  '</pre>',
  '<?php',
  '?>',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE html>',
  '<custom-tag attr="v">',
  '</custom-tag>',
  '<a class="yt-timestamp" data-t="01:02:03">',
  '| a | b |',
  '| --- | :-: |',
  '|---|',
  ':-',
  '| - |',
  'a | b',
  '| [[x\\|y]] | `a|b` |',
  '| c \\| d | #tag |',
  '[ref]: /url "title"',
  '[ref]: Some%20Note.md#Part',
  '[Ref]: <a b.md>',
  '[yt]: https://youtu.be/abcdefghijk?t=42',
  '[ref]:',
  '[^1]: footnote [[In Foot]]',
  '    indented [[not]] #no',
  '#',
  '# #',
  '[ref]:\n  /url\n  "title"',
  '[multi\nline]: Multi.md',
  '[ref]: /u "t" junk',
  '[^1]:\n    continued [[InFoot]]',
  '- ---',
  '* * *',
  '> ```\n> code [[no]]\n> ```',
  '- ```\n  [[fenced in list]]\n  ```',
  '-\n  item after blank',
  '1. a\n\n   b',
  '> a\nlazy [[L]]',
  '- a\n lazy',
  '| a | b |\n|---|---|\n| [[c]] | d |',
  '> | q |\n> | - |\n> | [[Q]] |',
  'Setext [[S]]\n===',
  '> quoted setext\n> ---',
  '<div>\n\n[[after div]]',
  '<div>\n[[inside div]]\n</div>',
  '    code\n\n    more',
  '``` \n~~~\n```',
  '~~~~\n```\n~~~~',
  '[ref]: first.md\n[ref]: second.md\n[ref]',
  '[dup]: <a b.md> "t"\n\n[dup]',
  '[^note]: text\n    more [[FootMore]]\n\n[^note]',
  '- a\n  <div>\n  [[in div in item]]\n\n  [[after]]',
  '1. x\n   ```\n   [[no]]\n   ```\n2. y',
  '> - a\n>   - b\n>     c #nested',
  '- a\n\n\n  b [[after two blanks]]',
  '-\n\n  not in item',
  '*\tx\n\tcontinued',
  '>\t\tcode in quote',
  '| a |\n| - |\n    code after table',
  '| a |\n| - |\n> quote after table',
  '| a |\n| - |\n-\n',
  'text\n| a | b |\n| - | - |',
  '<pre>\n[[no]]\n</pre> [[no]]\n[[yes]]',
  '<textarea>\n\n[[no]]\n</textarea>',
  '<?x\n[[no]]\n?>\n[[yes]]',
  '<!X\n[[no]]\n>',
  '<![CDATA[\n[[no]]\n]]]>\n[[still]]\n]]>',
  '## Heading ##',
  '# Heading #tag [[Link]]',
  '%%',
  '%%',
  '%% block [[B]]',
  '   %%',
  '%% one line %%',
  '%%\n[[In Block]] #blk\n\n# Not a heading\n^id\n%%',
  '%%\n<a class="yt-timestamp" data-t="1:00">x</a>\n%% tail [[T]]',
  '> %%\n> [[quoted comment]]\n> %%',
  '> %%\nlazy [[L2]]',
  '- %%\n  [[item comment]]\n  %%\n- [[next]]',
  '```\n%%\n```',
  '| a | %% b |\n| - | - |\n| %% c | d %% |',
  'para [[P]]\n%%\nhidden [[H]]\n%%',
  'para %%\nhidden\n%% shown?',
  'Idea: %% todo [[Todo]]\n%%\n\nLater [[Later]]',
  'a %%x%% b\n%%\nhidden [[H3]]\n\nmore\n%%',
  '> q %% a [[Q]]\n%% lazy [[Lz]]',
  '- i %% a\n  %% b [[I]]\n- j',
  'p %%\n%%\n%% c [[C]]\nd %%',
  'h %% b\n%%\n| - |\n[[TableOrComment]]',
  '> h %% b\n> %%\n> | - |\n> [[QuotedTable]]',
  '$$',
  '$$ x = [[NoBlock]]',
  '$$\n[[In Math Block]] #mb\n\n# Not a heading\n$$',
  '$$\na\n$$ tail [[T2]]',
  '> $$\n> [[quoted math]]\n> $$',
  '- $$\n  x [[item math]]\n  $$',
  '```\n$$\n```',
  '| $a | b$ |\n| - | - |\n| $[[c]]$ | d |',
  'para [[P2]]\n$$\nhidden [[H2]]\n$$',
  '$$ one line $$',
  '-',
  '1.',
  '*',
);

/** A paragraph line ending in an open `%%` (maybe more before it), then a `%%` line: it closes the open one or opens a block. */
const openCommentThenMarkerLine = fc
  .tuple(
    prefixes,
    inlineText,
    fc.constantFrom('', '> ', '  ', '- ', '    '),
    fc.constantFrom('%%', '%% tail [[Tail]] #t', '   %%', '%%%', '%%\n[[Next]]\n%%'),
  )
  .map(([p, t, q, m]) => `${p}${t} %% [[Open]]\n${q}${m}`);

const line = fc.oneof(
  { weight: 3, arbitrary: blockLine },
  { weight: 7, arbitrary: fc.tuple(prefixes, inlineText).map(([p, t]) => p + t) },
  { weight: 1, arbitrary: openCommentThenMarkerLine },
);

const frontMatter = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .record({
        title: fc.option(fc.constantFrom('My Title', '', '123', '"quoted: yes"')),
        tags: fc.option(fc.constantFrom('[a, b]', 'one, two', '"#x y"', '\n  - tag\n  - "#t2"', '[tag, tag]', '\n  - \n  - a', '\n  -', '"#a"', '')),
        aliases: fc.option(fc.constantFrom('[Alias One]', 'A, B', '\n  - x', '\n  - \n  - y', '')),
        // Links in properties (Obsidian 1.4+): quoted, in lists, with aliases, subpaths, embeds, several in one value.
        related: fc.option(
          fc.constantFrom('"[[Note]]"', '"[[Note|alias]]"', '"[[Note#Heading]]"', '\n  - "[[A]]"\n  - "[[B#^blk-1]]"\n  - ', '["[[x]]", "[[y]]"]', '"see [[a]] and ![[b]]"', '[[Unquoted]]', '"[[]]"', "'[[single]]'"),
        ),
        video: fc.option(videoIds),
        url: fc.option(fc.constantFrom('https://youtu.be/abcdefghijk', 'https://www.youtube.com/watch?v=2XgU6T4DalY', 'https://example.com')),
      })
      .map(({ title, tags, aliases, related, video, url }) => {
        let yaml = '';
        if (title !== null) yaml += `title: ${title}\n`;
        if (tags !== null) yaml += `tags: ${tags}\n`;
        if (aliases !== null) yaml += `aliases: ${aliases}\n`;
        if (related !== null) yaml += `related: ${related}\n`;
        if (video !== null) yaml += `videoId: ${video}\n`;
        if (url !== null) yaml += `url: ${url}\n`;
        return `---\n${yaml}---\n`;
      }),
  },
  { weight: 1, arbitrary: fc.constantFrom('---\ntitle: [unclosed\n---\n', '---\n: bad: yaml: :\n---\n', '---\n- a list\n---\n', '---\ntitle: x\n', '---\n---\n', '--- \nvideoId: abcdefghijk\n---  \n', '---\r\nvideoId: abcdefghijk\r\n---\r\n') },
);

/** A whole note: front matter, then lines; sometimes with CRLF line endings. */
export const noteArbitrary: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.array(line, { minLength: 1, maxLength: 24 }), fc.constantFrom('\n', '\n', '\n', '\r\n'), fc.boolean())
  .map(([fm, lines, eol, finalEol]) => fm + lines.join(eol) + (finalEol ? eol : ''));
