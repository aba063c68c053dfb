/**
 * Cross-checks a parsed study: ids that must exist, ids that must be unique, quotes that must be
 * coded with their theme, narratives that must exist and cite known excerpts. Collects everything.
 */
import type { LoadedStudy } from './load-study.ts';
import { readNarrative } from './narrative-refs.ts';
import { type Problem, didYouMean, show } from './problems.ts';

/** Components a narrative may use. */
export const NARRATIVE_COMPONENTS = ['Quote'];

/** A BCP 47 tag with a lowercase language subtag, as the site looks names and direction up (`ur`, `pa-Arab`). */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** Returns every cross-reference problem in the study; an empty list means it can be built. */
export function validateStudy(s: LoadedStudy): Problem[] {
  const problems: Problem[] = [];
  const file = (name: string) => `${s.dir}/${name}`;

  // Codebook: ids unique across themes, subthemes and codes.
  const codeTheme = new Map<string, string>();
  const seen = new Map<string, string>();
  s.codebook?.themes.forEach((theme, t) => {
    const check = (id: string, where: string) => {
      if (seen.has(id))
        problems.push({
          file: file('codebook.yaml'),
          field: `${where}.id`,
          message: `duplicate id ${show(id)} (already used at ${seen.get(id)}), expected ids unique across themes, subthemes and codes`,
        });
      else seen.set(id, where);
    };
    check(theme.id, `themes.${t}`);
    theme.subthemes.forEach((sub, u) => {
      check(sub.id, `themes.${t}.subthemes.${u}`);
      sub.codes.forEach((code, c) => {
        check(code.id, `themes.${t}.subthemes.${u}.codes.${c}`);
        codeTheme.set(code.id, theme.id);
      });
    });
  });
  const themeIds = new Set(s.codebook?.themes.map((t) => t.id));

  // Participants: unique ids; shown attributes must be columns.
  const participantIds = new Set<string>();
  const firstParticipantLine = new Map<string, number>();
  for (const p of s.participants) {
    if (participantIds.has(p.value.id))
      problems.push({
        file: file('participants.csv'),
        line: p.line,
        field: 'column "id"',
        message: `duplicate participant id ${show(p.value.id)} (first used at line ${firstParticipantLine.get(p.value.id)}), expected each participant once`,
      });
    if (!participantIds.has(p.value.id)) firstParticipantLine.set(p.value.id, p.line);
    participantIds.add(p.value.id);
  }
  const columns = new Set(s.participants.flatMap((p) => Object.keys(p.value)));
  if (columns.has('years_experience')) columns.add('experience_band');
  for (const attr of s.study?.privacy.shownAttributes ?? []) {
    if (s.participants.length && !columns.has(attr))
      problems.push({
        file: file('study.yaml'),
        field: 'privacy.shownAttributes',
        message: `unknown attribute ${show(attr)}, expected a column of participants.csv${didYouMean(attr, columns)}`,
      });
  }

  // Excerpts: unique ids, known participant, known codes.
  const excerptCodes = new Map<string, string[]>();
  const firstLine = new Map<string, number>();
  for (const { line, value: e } of s.excerpts) {
    const at = (column: string, message: string) =>
      problems.push({ file: file('excerpts.csv'), line, field: `column "${column}"`, message });
    if (firstLine.has(e.id))
      at(
        'id',
        `duplicate excerpt id ${show(e.id)} (first used at line ${firstLine.get(e.id)}), expected each excerpt id once`,
      );
    else {
      firstLine.set(e.id, line);
      excerptCodes.set(e.id, e.codes);
    }
    if (s.participants.length && !s.broken.has('participants.csv') && !participantIds.has(e.participant))
      at(
        'participant',
        `unknown participant ${show(e.participant)}, expected an id from participants.csv${didYouMean(e.participant, participantIds)}`,
      );
    if (!e.codes.length) at('codes', 'no codes, expected at least one code id');
    if (s.codebook && !s.broken.has('codebook.yaml'))
      for (const c of e.codes)
        if (!codeTheme.has(c))
          at(
            'codes',
            `unknown code ${show(c)}, expected a code id from codebook.yaml${didYouMean(c, codeTheme.keys())}`,
          );
    if (e.original_lang !== undefined && !LANGUAGE_TAG.test(e.original_lang))
      at('original_lang', `found ${show(e.original_lang)}, expected a language code like ur or pa-Arab`);
    if (Boolean(e.original_text) !== Boolean(e.original_lang))
      at(
        e.original_text ? 'original_lang' : 'original_text',
        'original_text and original_lang go together: give both or neither',
      );
  }

  // Quotes: known theme, known excerpt coded with that theme. When excerpts.csv gave no excerpt at
  // all (missing, not UTF-8, header only, a missing column), its own problem says so: every id
  // being unknown would only repeat it.
  const excerptsBroken = s.excerpts.length === 0 && s.broken.has('excerpts.csv');
  for (const [theme, list] of Object.entries(s.quotes ?? {})) {
    if (s.codebook && !themeIds.has(theme))
      problems.push({
        file: file('quotes.yaml'),
        line: s.quoteLines[`${theme}.0`],
        field: theme,
        message: `unknown theme ${show(theme)}, expected a theme id from codebook.yaml${didYouMean(theme, themeIds)}`,
      });
    list.forEach((q, i) => {
      const where = { file: file('quotes.yaml'), line: s.quoteLines[`${theme}.${i}`], field: `${theme}.${i}.excerpt` };
      const codes = excerptCodes.get(q.excerpt);
      if (!codes) {
        if (!excerptsBroken)
          problems.push({
            ...where,
            message: `unknown excerpt ${show(q.excerpt)}, expected an id from excerpts.csv${didYouMean(q.excerpt, excerptCodes.keys())}`,
          });
      } else if (themeIds.has(theme) && !codes.some((c) => codeTheme.get(c) === theme))
        problems.push({
          ...where,
          message: `excerpt ${show(q.excerpt)} is not coded with theme ${show(theme)} (its codes: ${codes.join(', ')})`,
        });
    });
  }

  // Narratives: one per theme, none for unknown themes, only known components citing known excerpts.
  for (const id of themeIds)
    if (!(id in s.narratives) && !s.broken.has(`themes/${id}.mdx`))
      problems.push({
        file: file(`themes/${id}.mdx`),
        message: `theme ${show(id)} has no narrative (expected this file)`,
      });
  for (const [id, source] of Object.entries(s.narratives)) {
    const at = (line: number, message: string) => problems.push({ file: file(`themes/${id}.mdx`), line, message });
    if (s.codebook && !themeIds.has(id))
      at(
        1,
        `narrative for unknown theme ${show(id)}, expected a file named after a theme id from codebook.yaml${didYouMean(id, themeIds)}`,
      );
    const { nodes, refused, error } = readNarrative(source);
    if (error) at(error.line, `malformed MDX: ${error.message}`);
    for (const r of refused) at(r.line, r.message);
    for (const n of nodes) {
      if (n.kind === 'esm')
        at(n.line, 'import and export are not allowed in narratives (components are provided by the site)');
      else if (!NARRATIVE_COMPONENTS.includes(n.name))
        at(
          n.line,
          `unknown component <${n.name}>, expected one of ${NARRATIVE_COMPONENTS.map((c) => `<${c}>`).join(', ')}`,
        );
      else if (!n.attributes.id) at(n.line, '<Quote> needs an id, e.g. <Quote id="E0042" />');
      else if (!excerptCodes.has(n.attributes.id) && !excerptsBroken)
        at(
          n.line,
          `<Quote id=${show(n.attributes.id)}>: unknown excerpt, expected an id from excerpts.csv${didYouMean(n.attributes.id, excerptCodes.keys())}`,
        );
    }
  }

  // Redactions: patterns must compile.
  s.redactions.forEach((r, i) => {
    if (!('pattern' in r)) return;
    try {
      new RegExp(r.pattern, 'giu');
    } catch (e) {
      problems.push({
        file: file('redactions.yaml'),
        line: s.redactionLines[i],
        field: `${i}.pattern`,
        message: `found ${show(r.pattern)}, expected a valid regular expression (${(e as Error).message})`,
      });
    }
  });
  return problems;
}
