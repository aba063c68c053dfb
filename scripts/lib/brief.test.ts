import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { EMPTY_BRIEF, parseBrief } from './brief.ts';
import { formatProblem } from './problems.ts';
import { readStudyFolder } from './study-files.ts';

const THEMES = ['speed', 'doubt'];
const FILE = 'study/brief.yaml';
const problems = (text: string) => parseBrief(text, FILE, THEMES).problems.map(formatProblem);

describe('parseBrief', () => {
  it('reads per-theme text and recommendations, defaulting what is left out', () => {
    const { brief, problems } = parseBrief(
      [
        'themes:',
        '  speed:',
        '    why: Time matters.',
        '    actions: [Protect the time saved.]',
        '  doubt:',
        '    why: Doubt slows use.',
        'recommendations:',
        '  - text: Test tools locally.',
        '    themes: [doubt]',
        '  - text: Keep people in charge.',
      ].join('\n'),
      FILE,
      THEMES,
    );
    expect(problems).toEqual([]);
    expect(brief).toEqual({
      themes: {
        speed: { why: 'Time matters.', actions: ['Protect the time saved.'] },
        doubt: { why: 'Doubt slows use.', actions: [] },
      },
      recommendations: [
        { text: 'Test tools locally.', themes: ['doubt'] },
        { text: 'Keep people in charge.', themes: [] },
      ],
    });
  });

  it('treats an empty file as an empty brief', () => {
    expect(parseBrief('# nothing yet\n', FILE, THEMES).brief).toEqual(EMPTY_BRIEF);
  });

  it('names the line and field of each unknown theme id, with a suggestion', () => {
    expect(
      problems(
        'themes:\n  speed:\n    why: ok\n  doubtt:\n    why: typo\nrecommendations:\n  - text: x\n    themes: [speed, sped, nothing-like-it]\n',
      ),
    ).toMatchInlineSnapshot(`
      [
        "study/brief.yaml:4 themes.doubtt: unknown theme "doubtt" (did you mean "doubt"?), expected one of speed, doubt",
        "study/brief.yaml:8 recommendations.0.themes.1: unknown theme "sped" (did you mean "speed"?), expected one of speed, doubt",
        "study/brief.yaml:8 recommendations.0.themes.2: unknown theme "nothing-like-it", expected one of speed, doubt",
      ]
    `);
  });

  it('reports every schema problem at once, each with its line, field, what was found and what was expected', () => {
    expect(
      problems(
        'themes:\n  speed:\n    why: ""\n    actions: Protect time\n    action: [x]\nrecommendations:\n  - themes: [speed]\n',
      ),
    ).toMatchInlineSnapshot(`
      [
        "study/brief.yaml:3 themes.speed.why: found "", expected a non-empty text",
        "study/brief.yaml:4 themes.speed.actions: found "Protect time", expected an array",
        "study/brief.yaml:5 themes.speed.action: unknown field "action" (did you mean "actions"?), expected why or actions",
        "study/brief.yaml:7 recommendations.0.text: missing, expected a string",
      ]
    `);
  });

  it('reports a list where a map of theme ids belongs once, not as unknown themes "0", "1"', () => {
    expect(problems('themes:\n  - why: x\n')).toMatchInlineSnapshot(`
      [
        "study/brief.yaml:2 themes: found "[{\\"why\\":\\"x\\"}]", expected theme ids as keys, e.g. "trust-and-accuracy:" with why and actions under it",
      ]
    `);
  });

  it('reports malformed YAML with its line', () => {
    expect(problems('themes:\n  speed:\n    why: [unclosed\n')).toHaveLength(1);
    expect(problems('themes:\n  speed:\n    why: [unclosed\n')[0]).toMatch(/^study\/brief\.yaml:\d+: malformed YAML/);
  });
});

describe('brief.yaml in the build', () => {
  const tiny = readStudyFolder('scripts/fixtures/tiny-study');

  it('is optional, and reported together with the other problems of the study folder', () => {
    expect(JSON.parse(buildContent(tiny).generated['site.json']).brief).toEqual(EMPTY_BRIEF);
    const broken = {
      ...tiny,
      brief: 'themes:\n  sped:\n    why: x\n  doubt:\n    actions: [""]\n',
      excerpts: tiny.excerpts!.replace('E0006,P04', 'E0006,P44'),
    };
    expect(() => buildContent(broken)).toThrow(
      /3 problems in the study folder:\n.*brief\.yaml:2 themes\.sped: unknown theme "sped" \(did you mean "speed"\?\).*\n.*brief\.yaml:5 themes\.doubt\.actions\.0: found "", expected a non-empty text\n.*excerpts\.csv:7 column "participant": unknown participant "P44"/,
    );
  });

  it('reaches the site data when valid', () => {
    const brief = { ...tiny, brief: 'themes:\n  speed:\n    why: Time matters.\n' };
    expect(JSON.parse(buildContent(brief).generated['site.json']).brief.themes.speed).toEqual({
      why: 'Time matters.',
      actions: [],
    });
  });
});
