/**
 * Problems are collected, named by file, line, element and GUID, and stop the import before
 * anything is written. The messages are pinned: they are what a research team reads.
 */
import { describe, expect, it } from 'vitest';
import { fixture, problemsOf, qdpx, run } from './test-helpers.ts';

describe('import errors', () => {
  it('reports a corrupt zip', () => {
    const good = qdpx('nvivo');
    const corrupt = { name: 'nvivo.qdpx', bytes: good.bytes.slice(0, good.bytes.length - 40) };
    expect(problemsOf(() => run(corrupt))).toMatchInlineSnapshot(`
      [
        "nvivo.qdpx: not a readable zip archive (invalid zip data); a .qdpx file is a zip: export the project again",
      ]
    `);
  });

  it('collects a missing source, a selection outside its source and an unknown code reference together', () => {
    expect(problemsOf(() => run(qdpx('broken')))).toMatchInlineSnapshot(`
      [
        "broken.qdpx/project.qde:13 <TextSource guid="5f7a9c1e-3b5d-4f7a-9c1e-3b5d7f9a1c3e" name="Interview 1">: source file "internal://5f7a9c1e-3b5d-4f7a-9c1e-3b5d7f9a1c3e.txt" not found (looked for sources/5f7a9c1e-3b5d-4f7a-9c1e-3b5d7f9a1c3e.txt in broken.qdpx, in any letter case)",
        "broken.qdpx/project.qde:19 <PlainTextSelection guid="ba5e0002-0000-4000-8000-000000000002">: startPosition 6 and endPosition 40 lie outside source "Interview 2" (its text has 11 code points)",
        "broken.qdpx/project.qde:22 <PlainTextSelection guid="ba5e0003-0000-4000-8000-000000000003">: its <Coding> refers to code "b4000000-0000-4000-8000-0000000000ff", which is not in the <CodeBook>",
      ]
    `);
  });

  it('reports a zip without a project file', () => {
    expect(problemsOf(() => run(qdpx('broken/sources')))).toMatchInlineSnapshot(`
      [
        "broken.qdpx: no .qde project file in the archive (it holds 6a8c0e2b-4d6f-4a8c-8e2b-4d6f8a0c2e4b.txt)",
      ]
    `);
  });

  it('reports a CSV that is neither Taguette nor QualCoder', () => {
    expect(problemsOf(() => run({ name: 'export.csv', bytes: new TextEncoder().encode('a,b,c\n1,2,3\n') })))
      .toMatchInlineSnapshot(`
      [
        "export.csv:1: found header "a,b,c", expected Taguette's highlights export (id,document,tag,content) or QualCoder's coding report (File,Coder,Coded,Id,Codename,Coded_Memo,... or Case,Filename,Coder,...)",
      ]
    `);
  });

  it('reports a Taguette tag that the given codebook does not have', () => {
    const codebook = {
      name: 'codebook.csv',
      bytes: new TextEncoder().encode('tag,description,number of highlights\ndistrust,Doubt,1\n'),
    };
    expect(problemsOf(() => run(fixture('taguette/highlights.csv'), { codebook }))).toMatchInlineSnapshot(`
      [
        "taguette/highlights.csv:2 column "tag": tag "time saved" of highlight 7 is not in codebook.csv",
        "taguette/highlights.csv:3 column "tag": tag "workload" of highlight 7 is not in codebook.csv",
        "taguette/highlights.csv:6 column "tag": tag "workload" of highlight 21 is not in codebook.csv",
        "taguette/highlights.csv:8 column "tag": tag "time saved" of highlight 30 is not in codebook.csv",
      ]
    `);
  });
});

describe('XML that is not well-formed', () => {
  const qde = (body: string) => ({
    name: 'bad.qde',
    bytes: new TextEncoder().encode(
      `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="x">\n<CodeBook><Codes>\n${body}\n</Codes></CodeBook>\n</Project>\n`,
    ),
  });

  // Naive (xmldom): an unquoted attribute value is accepted as if it were quoted.
  it('rejects an unquoted attribute with its line and column', () => {
    expect(
      problemsOf(() => run(qde('<Code guid=c1a2b3c4-0000-4000-8000-000000000001 name="Trust" isCodable="true"/>'))),
    ).toMatchInlineSnapshot(`
      [
        "bad.qde:4:12: malformed XML: unquoted attribute value.",
      ]
    `);
  });

  // Naive (xmldom): a missing </Code> gives only `"Code" != "Codes"`, with no position.
  it('rejects a missing end tag with its line and column', () => {
    expect(
      problemsOf(() =>
        run(
          qde(
            '<Code guid="c1a2b3c4-0000-4000-8000-000000000001" name="Trust" isCodable="true">\n<Description>d</Description>',
          ),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "bad.qde:6:8: malformed XML: found </Codes>, expected </Code> to close the <Code> of line 4",
      ]
    `);
  });
});
