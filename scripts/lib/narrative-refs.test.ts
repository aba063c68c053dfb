/**
 * Narratives are prose, not code: what MDX would run or emit at build time is refused, each with
 * the narrative file and line, and everything a narrative legitimately holds still passes.
 */
import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { readNarrative } from './narrative-refs.ts';
import { StudyError, formatProblem } from './problems.ts';
import { readStudyFolder } from './study-files.ts';

const refused = (source: string) => readNarrative(source).refused.map((r) => `${r.line}: ${r.message}`);

describe('narratives refuse what would run or be emitted', () => {
  it('refuses expressions that read files or the environment, or emit elements', () => {
    expect(
      refused(
        'Home is {process.env.HOME}.\n\n{readFileSync("/etc/passwd", "utf8")}\n\n{<script src="/x.js"></script>}\n\n{<meta http-equiv="refresh" content="0;url=https://evil.example" />}\n',
      ),
    ).toEqual([
      '1: {process.env.HOME}: expressions are not allowed in narratives (they run when the site is built), expected text; write a literal { as \\{',
      '3: {readFileSync(\\"/etc/passwd\\", \\"utf8\\")}: expressions are not allowed in narratives (they run when the site is built), expected text; write a literal { as \\{',
      '5: {<script src=\\"/x.js\\"></script>}: expressions are not allowed in narratives (they run when the site is built), expected text; write a literal { as \\{',
      '7: {<meta http-equiv=\\"refresh\\" content=\\"0;url=https://evil.ex...}: expressions are not allowed in narratives (they run when the site is built), expected text; write a literal { as \\{',
    ]);
  });

  it('allows comments, but not code hidden between comments', () => {
    expect(refused('Text {/* a note for the team */} and\n{/* one */ 1 + 1 /* two */}\n')).toHaveLength(1);
    expect(refused('Text {/* a note */} and {// line\n}.\n')).toEqual([]);
  });

  it('refuses expressions in attributes and spread attributes', () => {
    expect(refused('<Quote id={process.env.HOME} />\n\n<Quote id="E0001" {...props} />\n')).toEqual([
      '1: <Quote>: attribute id={...} is an expression, expected a quoted value like id="E0042"',
      '3: <Quote>: attribute {...} is an expression, expected a quoted value like id="E0042"',
    ]);
  });

  it('refuses raw HTML outside a short allow-list, and attributes beyond title, lang and dir', () => {
    expect(
      refused(
        '<div>x</div>\n\n<meta http-equiv="refresh" content="0" />\n\nAn <abbr title="artificial intelligence">AI</abbr> tool, H<sub>2</sub>O, <em lang="ur">جی</em>.\n\n<em onmouseover="alert(1)">x</em> <img src="/a.png" />\n',
      ),
    ).toEqual([
      '1: raw HTML <div> is not allowed in narratives, expected Markdown or one of <abbr>, <br>, <cite>, <dfn>, <em>, <i>, <q>, <small>, <strong>, <sub>, <sup>',
      '3: raw HTML <meta> is not allowed in narratives, expected Markdown or one of <abbr>, <br>, <cite>, <dfn>, <em>, <i>, <q>, <small>, <strong>, <sub>, <sup>',
      '7: <em onmouseover>: attribute not allowed in narratives, expected only title, lang, dir',
      '7: raw HTML <img> is not allowed in narratives, expected Markdown or one of <abbr>, <br>, <cite>, <dfn>, <em>, <i>, <q>, <small>, <strong>, <sub>, <sup>',
    ]);
  });

  it('refuses javascript:, vbscript: and data: links in any case or spacing, inline or by reference', () => {
    expect(
      refused(
        '[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](<java&#x09;script:x>) [f](&#106;avascript:x) [d](data:text/html,x) [e][r]\n\n[r]: vbscript:x\n',
      ).map((r) => r.replace(/ links are.*/, '')),
    ).toEqual([
      '1: link to "javascript:alert(1)": javascript:',
      '1: link to "JaVaScRiPt:x": javascript:',
      '1: link to "java\\tscript:x": javascript:',
      '1: link to "javascript:x": javascript:',
      '1: link to "data:text/html,x": data:',
      '3: link to "vbscript:x": vbscript:',
    ]);
    expect(refused('[ok](https://example.org) [ok](/themes/x/) [ok](#a) [ok](mailto:a@b.org)\n')).toEqual([]);
  });

  it("refuses images from other sites, inline or by reference, and allows the site's own", () => {
    expect(
      refused(
        '![x](https://evil.example/p.png) ![y](//evil.example/p.png) ![z][img]\n\n[img]: http://evil.example/q.png\n',
      ),
    ).toEqual([
      '1: image "https://evil.example/p.png" is on another site, expected an image of this site (a path like /images/figure.png)',
      '1: image "//evil.example/p.png" is on another site, expected an image of this site (a path like /images/figure.png)',
      '1: image "http://evil.example/q.png" is on another site, expected an image of this site (a path like /images/figure.png)',
    ]);
    expect(refused('![A figure](/images/figure.png)\n')).toEqual([]);
  });

  it('is how the build reports them: file, line, message, and no site', () => {
    const files = readStudyFolder('scripts/fixtures/tiny-study');
    const doubt = `${files.narratives.doubt}\nHome: {process.env.HOME}\n`;
    const line = doubt.split('\n').length - 1;
    let problems: string[] = [];
    try {
      buildContent({ ...files, narratives: { ...files.narratives, doubt } });
    } catch (e) {
      problems = (e as StudyError).problems.map(formatProblem);
    }
    expect(problems).toEqual([
      `scripts/fixtures/tiny-study/themes/doubt.mdx:${line}: {process.env.HOME}: expressions are not allowed in narratives (they run when the site is built), expected text; write a literal { as \\{`,
    ]);
  });

  it("passes the bundled study's narratives", () => {
    const files = readStudyFolder('content/study');
    for (const [id, source] of Object.entries(files.narratives)) expect(refused(source), id).toEqual([]);
  });
});
